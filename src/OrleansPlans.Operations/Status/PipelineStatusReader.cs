using Npgsql;

namespace OrleansPlans.Operations.Status;

/// <summary>
/// Reads a <see cref="PipelineStatus"/>: Kafka (watermarks, the silos' committed offsets) and PostgreSQL (the sink's
/// stored offsets, the Orleans membership table, the dead letters), both at once. Never throws because a system is down
/// or a table is missing: that is reported in the result.
/// </summary>
/// <remarks>
/// Each read opens one short-lived Kafka client (no consumer group is joined, so the silos and the sink are not
/// disturbed) and one PostgreSQL connection. Meant for a status page polled every few seconds, not for hot loops.
/// </remarks>
public sealed partial class PipelineStatusReader : IAsyncDisposable
{
    private readonly PipelineStatusOptions _options;
    private readonly NpgsqlDataSource? _dataSource;
    private readonly bool _ownsDataSource;
    private readonly TimeProvider _time;
    private readonly string _quotedSchema;

    /// <summary>Creates a reader.</summary>
    /// <param name="options">Where to look; validated here.</param>
    /// <param name="dataSource">
    /// The PostgreSQL data source to read through (not disposed by the reader); when null, one is built from
    /// <see cref="PipelineStatusOptions.ConnectionString"/>, or PostgreSQL is reported unreachable when that is empty too.
    /// </param>
    /// <param name="timeProvider">The clock for <see cref="PipelineStatus.ReadAt"/> and the dead-silo window.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem listed) or the connection string cannot be parsed.</exception>
    public PipelineStatusReader(PipelineStatusOptions options, NpgsqlDataSource? dataSource = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _quotedSchema = Sink.Postgres.AnalyticsSchema.Quote(options.AnalyticsSchema);
        if (dataSource is not null)
        {
            _dataSource = dataSource;
        }
        else if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            _dataSource = CreateDataSource(options.ConnectionString, options.Timeout);
            _ownsDataSource = true;
        }
    }

    /// <summary>Reads the status now; bounded by about twice <see cref="PipelineStatusOptions.Timeout"/>.</summary>
    public async Task<PipelineStatus> ReadAsync(CancellationToken cancellationToken = default)
    {
        var readAt = _time.GetUtcNow();
        var kafkaTask = Task.Run(() => ReadKafka(cancellationToken), cancellationToken);
        var postgres = await ReadPostgresAsync(cancellationToken).ConfigureAwait(false);
        var kafka = await kafkaTask.ConfigureAwait(false);

        return new PipelineStatus
        {
            ReadAt = readAt,
            Kafka = kafka.Reachability,
            Postgres = postgres.Reachability,
            InputConsumerGroup = _options.InputConsumerGroup,
            InputLag = kafka.InputLag,
            SinkConsumerGroup = _options.SinkConsumerGroup,
            // Offsets that could not be read leave the sink's lag unknown, never zero.
            SinkLag = postgres.SinkOffsets is { } stored
                ? [.. kafka.OutputWatermarks.Select(w => PartitionLag.Of(w.Topic, w.Partition, w.Low, w.High, stored.TryGetValue((w.Topic, w.Partition), out var next) ? next : null))]
                : [.. kafka.OutputWatermarks.Select(w => PartitionLag.Unknown(w.Topic, w.Partition, w.Low, w.High))],
            Silos = postgres.Silos,
            DeadLetters = postgres.DeadLetters,
            Warnings = [.. kafka.Warnings, .. postgres.Warnings],
        };
    }

    /// <summary>Disposes the data source when the reader built it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource && _dataSource is not null)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static NpgsqlDataSource CreateDataSource(string connectionString, TimeSpan timeout)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // Never echo the connection string: it may hold a password.
            throw new ArgumentException("The PostgreSQL connection string cannot be parsed.", nameof(connectionString));
        }

        // A status read must come back soon whatever state the database is in.
        var seconds = (int)Math.Ceiling(timeout.TotalSeconds);
        builder.Timeout = Math.Min(builder.Timeout, seconds);
        builder.CommandTimeout = Math.Min(builder.CommandTimeout, seconds);
        return NpgsqlDataSource.Create(builder);
    }
}
