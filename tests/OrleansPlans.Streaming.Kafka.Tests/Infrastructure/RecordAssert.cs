namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>Compares applied record ids per key and names exactly what is missing or extra.</summary>
internal static class RecordAssert
{
    public static void AppliedExactly(IEnumerable<TestRecord> expected, ReceivedLog log)
    {
        var want = TestRecord.ByKey(expected);
        var got = log.AppliedByKey();
        var missing = want.SelectMany(kv => kv.Value.Where(id => !got.TryGetValue(kv.Key, out var ids) || !ids.Contains(id)).Select(id => $"{kv.Key}:{id}")).ToList();
        var extra = got.SelectMany(kv => kv.Value.Where(id => !want.TryGetValue(kv.Key, out var ids) || !ids.Contains(id)).Select(id => $"{kv.Key}:{id}")).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"missing {missing.Count} [{string.Join(", ", missing.Take(20))}], extra {extra.Count} [{string.Join(", ", extra.Take(20))}]");
    }
}
