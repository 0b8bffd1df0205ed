using Microsoft.Extensions.Logging;
using Npgsql;
using OrleansPlans.Sink.Postgres.Diagnostics;
using Polly;
using Polly.Retry;

namespace OrleansPlans.Sink.Postgres.Consuming;

/// <summary>The sink's policy for reading its stored offsets: retried until PostgreSQL answers, each failure logged.</summary>
internal static class StoredOffsetsRetry
{
    /// <summary>
    /// Retries <see cref="NpgsqlException"/> without limit, <paramref name="delay"/> apart (jittered, so replicas that lost
    /// the server together do not return together); cancellation ends it.
    /// </summary>
    public static ResiliencePipeline Create(TimeSpan delay, TimeProvider time, ILogger logger) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(),
                MaxRetryAttempts = int.MaxValue,
                Delay = delay,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = true,
                OnRetry = retry =>
                {
                    SinkLog.BatchFailed(logger, retry.Outcome.Exception!, 0);
                    return default;
                },
            })
            .Build();
}
