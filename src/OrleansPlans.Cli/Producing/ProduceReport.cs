namespace OrleansPlans.Cli.Producing;

/// <summary>What a produce run did.</summary>
/// <param name="Delivered">Records acknowledged by the cluster.</param>
/// <param name="BadLines">Lines reported and not sent (not JSON, or without the key field).</param>
/// <param name="DeliveryFailures">Records the cluster did not acknowledge.</param>
/// <param name="Stopped">True when --stop-on-error ended the run at a bad line.</param>
internal sealed record ProduceReport(long Delivered, long BadLines, long DeliveryFailures, bool Stopped);
