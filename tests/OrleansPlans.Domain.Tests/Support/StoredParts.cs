using OrleansPlans.Domain.Engine;
using OrleansPlans.Domain.Events;
using OrleansPlans.Oracle;

namespace OrleansPlans.Domain.Tests.Support;

/// <summary>
/// What a storage of parts holds: per state key, the parts written so far (a null value removes a part), as the
/// group-commit storage keeps them. With <see cref="Replay"/>, the tests of a state kept in parts write what changed
/// after every record and check that what is stored reads back equal to the live state.
/// </summary>
internal sealed class StoredParts
{
    private readonly Dictionary<string, Dictionary<string, byte[]>> _stored = new(StringComparer.Ordinal);

    /// <summary>The parts stored under <paramref name="key"/>.</summary>
    public IReadOnlyDictionary<string, byte[]> this[string key] => _stored[key];

    /// <summary>Applies one write of changed parts.</summary>
    public void Write(string key, IReadOnlyDictionary<string, byte[]?> unsaved)
    {
        if (!_stored.TryGetValue(key, out var parts))
        {
            _stored[key] = parts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        }

        foreach (var (name, value) in unsaved)
        {
            if (value is null)
            {
                parts.Remove(name);
            }
            else
            {
                parts[name] = value;
            }
        }
    }

    /// <summary>
    /// Feeds the records generated from <paramref name="options"/> to a new engine one by one, calling
    /// <paramref name="write"/> after each and <paramref name="check"/> every <paramref name="checkEvery"/> records and
    /// after the last; returns the engine.
    /// </summary>
    public static InMemoryPlanAnalytics Replay(GeneratorOptions options, int checkEvery, Action<InMemoryPlanAnalytics> write, Action<InMemoryPlanAnalytics> check)
    {
        var records = new EventGenerator(options).Generate();
        var engine = new InMemoryPlanAnalytics();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            engine.Accept(OracleBridge.TopicOf(record.Topic), record.Key, record.Value, new SourcePosition(record.Topic, record.Partition, record.Offset));
            write(engine);
            if ((i + 1) % checkEvery == 0 || i + 1 == records.Count)
            {
                check(engine);
            }
        }

        return engine;
    }
}
