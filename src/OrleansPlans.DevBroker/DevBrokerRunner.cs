namespace OrleansPlans.DevBroker;

/// <summary>Runs a dev broker in the foreground, for the product's command-line tool.</summary>
public static class DevBrokerRunner
{
    /// <summary>
    /// Starts a <see cref="DevBrokerCluster"/>, writes its bootstrap file, prints the bootstrap address and
    /// topics to <paramref name="output"/>, and keeps it running until <paramref name="cancellationToken"/>
    /// is cancelled; then stops it and removes the file. Returns normally on cancellation.
    /// </summary>
    /// <param name="options">
    /// The cluster options; when <see cref="DevBrokerOptions.BootstrapFile"/> is null the file is written to
    /// <see cref="DevBrokerOptions.DefaultBootstrapFile"/> under the current directory.
    /// </param>
    /// <param name="output">Where the address and topics are printed.</param>
    /// <param name="cancellationToken">Stops the broker.</param>
    /// <param name="started">Called with the running cluster once it is ready (e.g. to signal readiness).</param>
    public static async Task RunUntilCancelledAsync(
        DevBrokerOptions options,
        TextWriter output,
        CancellationToken cancellationToken,
        Action<DevBrokerCluster>? started = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        var effective = options.BootstrapFile is null
            ? options with { BootstrapFile = DevBrokerOptions.DefaultBootstrapFile }
            : options;

        await using (var cluster = DevBrokerCluster.Start(effective))
        {
            await RunAsync(cluster, effective, output, started, cancellationToken).ConfigureAwait(false);
        }

        await output.WriteLineAsync("Dev Kafka broker stopped.").ConfigureAwait(false);
    }

    private static async Task RunAsync(
        DevBrokerCluster cluster,
        DevBrokerOptions effective,
        TextWriter output,
        Action<DevBrokerCluster>? started,
        CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"Dev Kafka broker running with {cluster.BrokerIds.Count} broker(s).").ConfigureAwait(false);
        await output.WriteLineAsync($"bootstrap.servers={cluster.BootstrapServers}").ConfigureAwait(false);
        await output.WriteLineAsync($"Bootstrap file: {cluster.BootstrapFilePath}").ConfigureAwait(false);
        foreach (var topic in effective.Topics)
        {
            await output.WriteLineAsync($"Topic {topic}: {effective.DefaultPartitions} partitions").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"Set {KafkaBootstrap.EnvironmentVariable} to use a real cluster instead. Stop with Ctrl+C.")
            .ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        started?.Invoke(cluster);

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancellation is the normal way to stop.
        }
    }
}
