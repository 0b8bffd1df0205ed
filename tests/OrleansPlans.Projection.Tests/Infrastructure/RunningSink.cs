using Npgsql;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Projection.Tests;

/// <summary>A <see cref="PostgresTableSink"/> running in the background of a test, stopped by cancellation on dispose.</summary>
internal sealed class RunningSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private RunningSink(PostgresTableSink sink)
    {
        Sink = sink;
        Run = Task.Run(() => sink.RunAsync(_stop.Token));
    }

    public PostgresTableSink Sink { get; }

    public Task Run { get; }

    public static RunningSink Start(NpgsqlDataSource dataSource, PostgresSinkOptions options, Action<PostgresTableSink>? configure = null)
    {
        var sink = new PostgresTableSink(dataSource, options);
        configure?.Invoke(sink);
        return new RunningSink(sink);
    }

    /// <summary>Stops the sink as a host would (cancellation) and waits for it to return.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Run;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        try
        {
            await Run;
        }
        catch (Exception)
        {
            // A test that expects a failure asserts it on Run itself.
        }

        Sink.Dispose();
        _stop.Dispose();
    }
}
