using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansPlans.Oracle.Generation;

namespace OrleansPlans.Oracle;

/// <summary>
/// Generates a deterministic (per <see cref="GeneratorOptions.Seed"/>) set of input records that exercises
/// every rule of the contract: timelines, ties, zero-length intervals, late events, merge chains and refusals,
/// duplicates, and every kind of poison. Split by concern into partial files.
/// </summary>
public sealed partial class EventGenerator
{
    // Producers usually write '+' and non-ASCII raw; the default encoder would escape them in every record.
    // (Escaped spellings still appear on purpose, see EmitEscaped.)
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly GeneratorOptions options;
    private readonly List<Draft> drafts = [];
    private Random rng = new(0);

    /// <summary>Creates a generator; throws when <paramref name="options"/> are invalid.</summary>
    public EventGenerator(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    private DateTime End => options.StartUtc + options.Span;

    /// <summary>The records in production order, with positions.</summary>
    public IReadOnlyList<RawRecord> Generate() => GenerateData().Records;

    /// <summary>The records in production order plus the list of poison records and their kinds.</summary>
    public GeneratedData GenerateData()
    {
        // Fresh state on every call, so calling twice gives equal data.
        rng = new Random(options.Seed);
        drafts.Clear();
        nextId = 0;
        userMembershipInstants.Clear();
        zeroLengthInstants.Clear();

        AddMemberships();
        AddUsage();
        AddMerges();
        AddPoison();
        AddDuplicates();
        return Assemble();
    }

    /// <summary>A random permutation of <paramref name="records"/> (each record keeps its position).</summary>
    public static IReadOnlyList<RawRecord> Shuffle(IReadOnlyList<RawRecord> records, int seed)
    {
        ArgumentNullException.ThrowIfNull(records);
        var random = new Random(seed);
        var copy = records.ToArray();
        for (var i = copy.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy;
    }

    private void AddDuplicates()
    {
        var originals = drafts.Where(d => d.MayDuplicate).ToList();
        var count = (int)Math.Round(originals.Count * options.DuplicateRate);

        // One of each topic first (merges are few, and rates alone could miss them), then random ones.
        var firstOfEach = options.DuplicateRate > 0
            ? originals.Where(d => d.PoisonKind is null).GroupBy(d => d.Topic).Select(g => g.First()).ToList()
            : [];
        for (var n = 0; n < Math.Max(count, firstOfEach.Count); n++)
        {
            var original = n < firstOfEach.Count ? firstOfEach[n] : originals[rng.Next(originals.Count)];

            // Half are immediate producer retries, half replays days later.
            var delay = rng.NextDouble() < 0.5 ? TimeSpan.FromSeconds(rng.Next(1, 60)) : TimeSpan.FromHours(rng.Next(1, 96));
            Emit(original.Topic, original.Key, original.Value, original.Emit + delay, original.Body, original.PoisonKind);
        }
    }

    private GeneratedData Assemble()
    {
        var offsets = new Dictionary<(string, int), long>();
        var records = new List<RawRecord>(drafts.Count);
        var poison = new List<GeneratedPoison>();
        foreach (var draft in drafts.OrderBy(d => d.Emit).ThenBy(d => d.Sequence))
        {
            var partitions = draft.Topic == Topics.Merges ? options.MergePartitions : options.Partitions;
            var partition = StableHash.Partition(draft.Key, draft.Value, partitions);
            var offset = offsets.GetValueOrDefault((draft.Topic, partition));
            offsets[(draft.Topic, partition)] = offset + 1;
            var record = new RawRecord(draft.Topic, draft.Key, draft.Value, partition, offset);
            records.Add(record);
            if (draft.PoisonKind is not null)
            {
                poison.Add(new GeneratedPoison(draft.PoisonKind, record));
            }
        }

        return new GeneratedData(records, poison);
    }

    /// <summary>Queues a valid event; membership and usage may be sent late.</summary>
    private void EmitValid(string topic, string? key, JsonObject body, DateTime occurredAt, bool mayDuplicate = true)
    {
        var emit = occurredAt + TimeSpan.FromSeconds(rng.Next(0, 600));
        if (topic != Topics.Merges && rng.NextDouble() < options.LateRate)
        {
            emit = occurredAt + TimeSpan.FromHours(rng.Next(36, 192));
        }

        Emit(topic, key, Bytes(body), emit, body, null, mayDuplicate);
    }

    private void Emit(string topic, string? key, byte[] value, DateTime emit, JsonObject? body, string? poisonKind, bool mayDuplicate = true) =>
        drafts.Add(new Draft
        {
            Topic = topic,
            Key = key,
            Value = value,
            Emit = emit,
            Sequence = drafts.Count,
            Body = body,
            PoisonKind = poisonKind,
            MayDuplicate = mayDuplicate,
        });

    /// <summary>A random instant in [from, to), sometimes with 1 to 7 fraction digits.</summary>
    private DateTime RandomInstant(DateTime from, DateTime to)
    {
        var seconds = (long)((to - from).TotalSeconds * rng.NextDouble());
        var instant = from.AddSeconds(seconds);
        var digits = rng.NextDouble() < 0.7 ? 0 : rng.Next(1, 8);
        if (digits == 0)
        {
            return instant;
        }

        var unit = (long)Math.Pow(10, 7 - digits);
        return instant.AddTicks(rng.NextInt64(1, (long)Math.Pow(10, digits)) * unit);
    }

    private string Stamp(DateTime utc) => TimestampWriter.Write(utc, rng);

    /// <summary>The record key: normally the id the topic is keyed by, sometimes absent (allowed).</summary>
    private string? KeyFor(string id) => rng.NextDouble() < 0.03 ? null : id;

    private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
