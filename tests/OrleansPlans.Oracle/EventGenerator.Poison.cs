using System.Text;
using System.Text.Json.Nodes;

namespace OrleansPlans.Oracle;

/// <summary>
/// Poison: each kind is made from a copy of a real valid event (same eventId), so a poison copy may arrive
/// before the valid record and must not consume its id.
/// </summary>
public sealed partial class EventGenerator
{
    private static readonly Dictionary<string, string[]> RequiredFields = new(StringComparer.Ordinal)
    {
        [Topics.Membership] = ["eventId", "type", "planId", "userId", "occurredAt"],
        [Topics.Usage] = ["eventId", "userId", "contentId", "seconds", "occurredAt"],
        [Topics.Merges] = ["eventId", "sourcePlanId", "targetPlanId", "occurredAt", "requestedBy"],
    };

    private static readonly string[] IdentifierFields = ["eventId", "userId", "planId", "contentId", "sourcePlanId", "targetPlanId"];

    private delegate (string? Key, byte[] Value) Mutation(JsonObject body, string? key);

    private void AddPoison()
    {
        var kinds = PoisonKinds().ToList();
        var valid = drafts.Where(d => d.Body is not null && d.PoisonKind is null)
            .GroupBy(d => d.Topic)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var count = Math.Max(kinds.Count, (int)Math.Round(drafts.Count * options.PoisonRate));
        for (var n = 0; n < count; n++)
        {
            // Every kind once, then random kinds.
            var (topic, kind, mutate) = n < kinds.Count ? kinds[n] : kinds[rng.Next(kinds.Count)];
            if (!valid.TryGetValue(topic, out var candidates))
            {
                continue;
            }

            var original = Pick(candidates);
            var (key, value) = mutate((JsonObject)original.Body!.DeepClone(), original.Key);
            Emit(topic, key, value, RandomInstant(options.StartUtc, End + TimeSpan.FromDays(1)), null, kind);
        }
    }

    private IEnumerable<(string Topic, string Kind, Mutation Mutate)> PoisonKinds()
    {
        foreach (var (topic, fields) in RequiredFields)
        {
            var t = topic switch { Topics.Membership => "membership", Topics.Usage => "usage", _ => "merges" };
            yield return (topic, $"{t}/not-json", (b, k) => (k, Bytes(b)[..^7]));
            yield return (topic, $"{t}/not-utf8", (b, k) => (k, NotUtf8(b)));
            yield return (topic, $"{t}/json-array", (b, k) => (k, [(byte)'[', .. Bytes(b), (byte)']']));
            yield return (topic, $"{t}/key-mismatch", (b, _) => (b["eventId"]!.GetValue<string>() + "x", Bytes(b)));
            foreach (var field in fields)
            {
                yield return (topic, $"{t}/missing-{field}", (b, k) => { b.Remove(field); return (k, Bytes(b)); });
                yield return (topic, $"{t}/null-{field}", (b, k) => { b[field] = null; return (k, Bytes(b)); });
                if (IdentifierFields.Contains(field))
                {
                    yield return (topic, $"{t}/{field}-bad-charset", Set(field, "has space"));
                    yield return (topic, $"{t}/{field}-non-ascii", Set(field, "plän-1"));
                    yield return (topic, $"{t}/{field}-empty", Set(field, ""));
                    yield return (topic, $"{t}/{field}-129-chars", Set(field, new string('a', 129)));
                    yield return (topic, $"{t}/{field}-not-string", Set(field, 7));
                }
            }

            yield return (topic, $"{t}/occurredAt-no-offset", Set("occurredAt", "2026-03-02T09:30:00"));
        }

        yield return (Topics.Membership, "any/not-json-text", (_, k) => (k, "not json at all"u8.ToArray()));
        yield return (Topics.Usage, "any/json-string", (_, k) => (k, "\"text\""u8.ToArray()));
        yield return (Topics.Usage, "any/json-null", (_, k) => (k, "null"u8.ToArray()));
        yield return (Topics.Usage, "any/empty-value", (_, k) => (k, []));
        yield return (Topics.Membership, "membership/type-unknown", Set("type", "member_joined"));
        yield return (Topics.Membership, "membership/type-wrong-case", Set("type", "Member_Added"));
        yield return (Topics.Membership, "membership/type-not-string", Set("type", 1));
        yield return (Topics.Usage, "usage/key-case-mismatch", (b, _) => (b["userId"]!.GetValue<string>().ToUpperInvariant(), Bytes(b)));
        foreach (var (name, raw) in new[]
        {
            ("0", "0"), ("86401", "86401"), ("1.5", "1.5"), ("300.0", "300.0"), ("string", "\"300\""),
            ("3e2", "3e2"), ("negative", "-5"), ("huge", "99999999999999999999"),
        })
        {
            yield return (Topics.Usage, $"usage/seconds-{name}", Set("seconds", JsonNode.Parse(raw)));
        }

        foreach (var (name, text) in new[]
        {
            ("space-separator", "2026-03-02 09:30:00Z"), ("unparsable", "yesterday"), ("feb-30", "2026-02-30T10:00:00Z"),
            ("hour-24", "2026-03-02T24:00:00Z"), ("10-fraction-digits", "2026-03-02T09:30:00.1234567891Z"),
            ("date-only", "2026-03-02"), ("trailing-newline", "2026-03-02T09:30:00Z\n"),
            ("offset-without-colon", "2026-03-02T09:30:00+0530"), ("empty-fraction", "2026-03-02T09:30:00.Z"),
        })
        {
            yield return (Topics.Usage, $"usage/occurredAt-{name}", Set("occurredAt", text));
        }

        yield return (Topics.Usage, "usage/occurredAt-not-string", Set("occurredAt", 1772357400));
        yield return (Topics.Merges, "merges/requestedBy-empty", Set("requestedBy", ""));
        yield return (Topics.Merges, "merges/requestedBy-257-chars", Set("requestedBy", new string('r', 257)));
        yield return (Topics.Merges, "merges/requestedBy-not-string", Set("requestedBy", 42));
    }

    private static Mutation Set(string field, JsonNode? value) => (body, key) =>
    {
        body[field] = value?.DeepClone();
        return (key, Bytes(body));
    };

    private static byte[] Bytes(JsonObject body) => Encoding.UTF8.GetBytes(body.ToJsonString(RelaxedJson));

    /// <summary>Well-formed JSON except for an invalid UTF-8 sequence inside the eventId string.</summary>
    private static byte[] NotUtf8(JsonObject body)
    {
        const string Marker = "NOTUTF8MARKER";
        body["eventId"] = Marker;
        var bytes = Bytes(body);
        var at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Marker));
        return [.. bytes[..at], 0xC3, 0x28, .. bytes[(at + Marker.Length)..]];
    }
}
