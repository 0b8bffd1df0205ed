using OrleansPlans.DevBroker;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Testing;

/// <summary>
/// The contract's topics under their default names on a dev broker of a test's own (the dev broker has no CreateTopics
/// request, so nothing under test could create them): the inputs, the merges and the output topics.
/// </summary>
public static class DevBrokerTopics
{
    /// <summary>The membership input topic.</summary>
    public const string Membership = "plan-membership";

    /// <summary>The usage input topic.</summary>
    public const string Usage = "content-usage";

    /// <summary>The merge requests' topic.</summary>
    public const string Merges = "plan-merges";

    /// <summary>
    /// Creates membership and usage with <paramref name="inputPartitions"/>, merges with one partition (merges apply in
    /// one global order) and the output topics with <paramref name="outputPartitions"/>; <c>dead-letters</c> is both
    /// the provider's dead-letter topic and the <c>dead_letters</c> output topic.
    /// </summary>
    public static void CreateContractTopics(this DevBrokerCluster broker, int inputPartitions, int outputPartitions)
    {
        ArgumentNullException.ThrowIfNull(broker);
        broker.CreateTopics([Membership, Usage], inputPartitions);
        broker.CreateTopic(Merges, partitions: 1);
        broker.CreateOutputTopics(outputPartitions);
    }

    /// <summary>Creates the output topics of a pipeline version: the default names plus <paramref name="suffix"/> (<c>-v2</c>).</summary>
    public static void CreateOutputTopics(this DevBrokerCluster broker, int partitions, string suffix = "")
    {
        ArgumentNullException.ThrowIfNull(broker);
        broker.CreateTopics(OutputTables.All.Select(t => OutputTables.DefaultTopic(t) + suffix), partitions);
    }
}
