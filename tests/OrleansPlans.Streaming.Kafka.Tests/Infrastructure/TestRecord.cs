namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>A record a test produces: its key (= stream key), unique value (= record id) and partition.</summary>
internal sealed record TestRecord(string Key, string Value, int Partition)
{
    /// <summary>
    /// <paramref name="count"/> records over <paramref name="keys"/> keys, in runs of one key (so consecutive records of a
    /// partition often share a key); key k always goes to partition k % partitions.
    /// </summary>
    public static List<TestRecord> Many(string prefix, int count, int keys, int partitions) =>
        [.. Enumerable.Range(0, count).Select(i => (Key: (int)((long)i * keys / count), Index: i))
            .Select(r => new TestRecord($"key-{r.Key}", $"{prefix}-{r.Index}", r.Key % partitions))];

    public static Dictionary<string, SortedSet<string>> ByKey(IEnumerable<TestRecord> records) =>
        records.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => new SortedSet<string>(g.Select(r => r.Value), StringComparer.Ordinal), StringComparer.Ordinal);
}
