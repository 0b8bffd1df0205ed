using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Merges;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Users;

namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>Activations, grain calls, writes through the silos' group commit, publishes.</summary>
internal sealed partial class FaultyCluster
{
    /// <summary>The activation calls reach, made (on a random silo, from storage, running its start-up work) if there is none.</summary>
    private SimulatedActivation<T> Activation<T>(SimulatedActor<T> actor)
        where T : class
    {
        if (actor.Current is { } current)
        {
            return current;
        }

        var silo = actor.NextSilo ?? _dice.Next(_silos.Length);
        var activation = actor.Activate(silo);
        _silos[silo].Activations.Add(activation);
        activation.Activated = StartAsync(activation);
        return activation;
    }

    // OnActivateAsync: the activation's first turn. When it fails the activation is discarded, and the calls waiting
    // for it fail (they are retried).
    private static async Task StartAsync<T>(SimulatedActivation<T> activation)
        where T : class
    {
        await activation.Turns.EnterAsync();
        try
        {
            await activation.Actor.OnActivate(activation);
        }
        catch
        {
            activation.Kill();
            throw;
        }
        finally
        {
            activation.Turns.Exit();
        }
    }

    /// <summary>
    /// A grain call: lost before it arrives, or run — sometimes twice (a repeated message; the caller takes the first
    /// answer) — and then the callee may die right after acting, or its answer be lost.
    /// </summary>
    private async Task<TResult> Call<T, TResult>(
        SimulatedActor<T> callee, Func<SimulatedActivation<T>, Task<TResult>> body, Func<TResult, TResult> copyAnswer)
        where T : class
    {
        CheckThread();
        Fail("call lost before it arrived");
        var activation = Activation(callee);
        var run = TurnAsync(activation, body);
        if (Roll(SimulatedFaults.LostOrRepeatedAnswers, 0.5))
        {
            RepeatedCalls++;
            run = FirstOf(run, TurnAsync(activation, body));
        }

        var answer = copyAnswer(await run);
        CheckThread();
        if (_dice.Roll() && activation.Alive)
        {
            activation.Kill();
            Crashes++;
            throw new SimulatedFault("callee died after acting");
        }

        if (Roll(SimulatedFaults.LostOrRepeatedAnswers))
        {
            LostAnswers++;
            throw new SimulatedFault("answer lost");
        }

        return answer;
    }

    private Task<bool> Call<T>(SimulatedActor<T> callee, Func<SimulatedActivation<T>, Task> body)
        where T : class =>
        Call(callee, async a =>
        {
            await body(a);
            return true;
        }, Same);

    // A reentrant grain's calls interleave at awaits; a non-reentrant one's run one at a time, each after the last.
    private static async Task<TResult> TurnAsync<T, TResult>(SimulatedActivation<T> activation, Func<SimulatedActivation<T>, Task<TResult>> body)
        where T : class
    {
        await activation.Activated;
        if (activation.Actor.Reentrant)
        {
            activation.ThrowIfDead();
            return await body(activation);
        }

        await activation.Turns.EnterAsync();
        try
        {
            activation.ThrowIfDead();
            return await body(activation);
        }
        finally
        {
            activation.Turns.Exit();
        }
    }

    // The first of two answers (success or failure).
    private static Task<T> FirstOf<T>(Task<T> first, Task<T> second)
    {
        var answer = new TaskCompletionSource<T>();
        foreach (var run in new[] { first, second })
        {
            run.ContinueWith(
                t =>
                {
                    if (t.IsCompletedSuccessfully)
                    {
                        answer.TrySetResult(t.Result);
                    }
                    else
                    {
                        answer.TrySetException(t.Exception!.InnerExceptions);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return answer.Task;
    }

    /// <summary>
    /// Queues <paramref name="activation"/>'s write on its silo (joining one already queued: the state is serialized at
    /// the flush) and completes when the flush stored it; fails if it failed or the silo died first.
    /// </summary>
    private Task Persist<T>(SimulatedActivation<T> activation)
        where T : class
    {
        CheckThread();
        activation.ThrowIfDead();
        var queue = _silos[activation.Silo].Queue;
        var write = queue.Find(w => w.Activation == activation);
        if (write is null)
        {
            write = new QueuedWrite(
                activation,
                () => activation.State is ICapturesRows ledger ? StoreCapturing(ledger, activation) : activation.Actor.TryStore(activation),
                () => WriteFailed(activation));
            queue.Add(write);
        }

        return write.Done.Task;
    }

    // A plan's or day's write runs inside the production write step, which captures the rows it makes durable; the
    // flush serializes the state at this moment, as the grain's write does when it starts.
    private bool StoreCapturing<T>(ICapturesRows ledger, SimulatedActivation<T> activation)
        where T : class
    {
        var stored = false;
        var step = LedgerWrites.WriteAsync(ledger, () =>
        {
            stored = activation.Actor.TryStore(activation);
            return stored ? Task.CompletedTask : Task.FromException(new SimulatedFault("version conflict"));
        });
        return step.IsCompletedSuccessfully && stored;
    }

    private void WriteFailed<T>(SimulatedActivation<T> activation)
        where T : class
    {
        // A user or the coordinator discards its activation when a write fails (DomainState.SaveOrStartOverAsync): what
        // it holds in memory is not durable, and it would act on it. Plans and days keep theirs and answer nothing
        // before a later write succeeds; a version conflict means another activation wrote, and Orleans discards this one.
        var discards = activation.State is MergeForest or UserTimeline || activation.Version != activation.Actor.StoredVersion;
        if (discards && activation.Alive)
        {
            activation.Kill();
            Crashes++;
        }
    }

    /// <summary>A row-sink publish: it may fail before the rows are accepted, or after (the acknowledgement lost).</summary>
    private void Publish(IReadOnlyList<RowChange> changes)
    {
        CheckThread();
        Fail("emit before publishing");
        foreach (var change in changes)
        {
            Project(change);
        }

        Fail("emit before the acknowledgement");
    }
}
