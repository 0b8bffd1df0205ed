namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>
/// One call at a time on a non-reentrant activation, as Orleans runs them: later calls wait their turn, in order. When
/// the activation dies, the calls still waiting fail (their messages are lost with the silo).
/// </summary>
internal sealed class TurnLock
{
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private bool _held;
    private bool _dead;

    public Task EnterAsync()
    {
        if (_dead)
        {
            return Task.FromException(new SimulatedFault("activation is gone"));
        }

        if (!_held)
        {
            _held = true;
            return Task.CompletedTask;
        }

        var turn = new TaskCompletionSource();
        _waiting.Enqueue(turn);
        return turn.Task;
    }

    public void Exit()
    {
        if (_waiting.TryDequeue(out var next))
        {
            next.SetResult();
        }
        else
        {
            _held = false;
        }
    }

    public void Kill()
    {
        _dead = true;
        while (_waiting.TryDequeue(out var waiting))
        {
            waiting.SetException(new SimulatedFault("activation is gone"));
        }
    }
}
