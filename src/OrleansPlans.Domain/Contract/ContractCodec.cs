using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OrleansPlans.Domain.Events;

namespace OrleansPlans.Domain.Contract;

/// <summary>
/// Decodes input records (UTF-8 JSON values, UTF-8 string keys) into typed events, or explains precisely why a
/// record breaks contract section 1. The explanation becomes the dead-letter reason, so it names the field.
/// </summary>
public static class ContractCodec
{
    /// <summary>The longest <c>requestedBy</c> accepted: it is free text (an email or a name), not an identifier.</summary>
    public const int MaxRequestedByLength = 256;

    /// <summary>The inclusive range of <c>seconds</c>.</summary>
    public const int MinSeconds = 1, MaxSeconds = 86_400;

    /// <summary>Decodes a record of any input topic into a <see cref="MembershipEvent"/>, <see cref="UsageEvent"/> or <see cref="MergeEvent"/>.</summary>
    public static DecodeResult<object> Decode(InputTopic topic, string? key, ReadOnlySpan<byte> value) => topic switch
    {
        InputTopic.Membership => Widen(DecodeMembership(key, value)),
        InputTopic.Usage => Widen(DecodeUsage(key, value)),
        InputTopic.Merges => Widen(DecodeMerge(key, value)),
        _ => DecodeResult<object>.Fail($"unknown input topic {topic}"),
    };

    /// <summary>Decodes a <c>plan-membership</c> record.</summary>
    public static DecodeResult<MembershipEvent> DecodeMembership(string? key, ReadOnlySpan<byte> value)
    {
        if (Read(value, ContractJsonContext.Default.MembershipRecord, out var r) is { } readError)
        {
            return DecodeResult<MembershipEvent>.Fail(readError);
        }

        var error = Id("eventId", r!.EventId) ?? Id("userId", r.UserId) ?? Id("planId", r.PlanId)
            ?? Required("type", r.Type) ?? Required("occurredAt", r.OccurredAt) ?? KeyMatches(key, "userId", r.UserId!);
        if (error is not null)
        {
            return DecodeResult<MembershipEvent>.Fail(error);
        }

        MembershipChange? type = r.Type switch
        {
            "member_added" => MembershipChange.Added,
            "member_removed" => MembershipChange.Removed,
            _ => null,
        };
        if (type is null)
        {
            return DecodeResult<MembershipEvent>.Fail($"field 'type' is '{r.Type}'; expected 'member_added' or 'member_removed'");
        }

        var at = Rfc3339.Parse("occurredAt", r.OccurredAt!, out error);
        return at is null
            ? DecodeResult<MembershipEvent>.Fail(error!)
            : DecodeResult<MembershipEvent>.Ok(new MembershipEvent(r.EventId!, type.Value, r.PlanId!, r.UserId!, at.Value));
    }

    /// <summary>Decodes a <c>content-usage</c> record.</summary>
    public static DecodeResult<UsageEvent> DecodeUsage(string? key, ReadOnlySpan<byte> value)
    {
        if (Read(value, ContractJsonContext.Default.UsageRecord, out var r) is { } readError)
        {
            return DecodeResult<UsageEvent>.Fail(readError);
        }

        var error = Id("eventId", r!.EventId) ?? Id("userId", r.UserId) ?? Id("contentId", r.ContentId)
            ?? (r.Seconds is null ? Missing("seconds") : null) ?? Required("occurredAt", r.OccurredAt)
            ?? KeyMatches(key, "userId", r.UserId!);
        if (error is not null)
        {
            return DecodeResult<UsageEvent>.Fail(error);
        }

        if (r.Seconds is < MinSeconds or > MaxSeconds)
        {
            return DecodeResult<UsageEvent>.Fail($"field 'seconds' is {r.Seconds}; expected an integer from {MinSeconds} to {MaxSeconds}");
        }

        var at = Rfc3339.Parse("occurredAt", r.OccurredAt!, out error);
        return at is null
            ? DecodeResult<UsageEvent>.Fail(error!)
            : DecodeResult<UsageEvent>.Ok(new UsageEvent(r.EventId!, r.UserId!, r.ContentId!, r.Seconds!.Value, at.Value));
    }

    /// <summary>Decodes a <c>plan-merges</c> record. Whether the merge is allowed is not decided here.</summary>
    public static DecodeResult<MergeEvent> DecodeMerge(string? key, ReadOnlySpan<byte> value)
    {
        if (Read(value, ContractJsonContext.Default.MergeRecord, out var r) is { } readError)
        {
            return DecodeResult<MergeEvent>.Fail(readError);
        }

        var error = Id("eventId", r!.EventId) ?? Id("sourcePlanId", r.SourcePlanId) ?? Id("targetPlanId", r.TargetPlanId)
            ?? Required("occurredAt", r.OccurredAt) ?? Required("requestedBy", r.RequestedBy)
            ?? KeyMatches(key, "sourcePlanId", r.SourcePlanId!);
        if (error is not null)
        {
            return DecodeResult<MergeEvent>.Fail(error);
        }

        if (r.RequestedBy!.Length is 0 or > MaxRequestedByLength)
        {
            return DecodeResult<MergeEvent>.Fail($"field 'requestedBy' has {r.RequestedBy.Length} characters; expected 1 to {MaxRequestedByLength}");
        }

        var at = Rfc3339.Parse("occurredAt", r.OccurredAt!, out error);
        return at is null
            ? DecodeResult<MergeEvent>.Fail(error!)
            : DecodeResult<MergeEvent>.Ok(new MergeEvent(r.EventId!, r.SourcePlanId!, r.TargetPlanId!, at.Value, r.RequestedBy));
    }

    /// <summary>
    /// Encodes <paramref name="merge"/> as a <c>plan-merges</c> value, the inverse of <see cref="DecodeMerge"/>: camelCase
    /// fields in the contract's order, <c>occurredAt</c> in UTC with a <c>Z</c> offset at full precision. The record
    /// key is <see cref="MergeEvent.SourcePlanId"/>.
    /// </summary>
    public static byte[] EncodeMerge(MergeEvent merge)
    {
        ArgumentNullException.ThrowIfNull(merge);
        var record = new MergeRecord(merge.EventId, merge.SourcePlanId, merge.TargetPlanId, Rows.RowFormat.Instant(merge.OccurredAt), merge.RequestedBy);
        return JsonSerializer.SerializeToUtf8Bytes(record, ContractJsonContext.Default.MergeRecord);
    }

    private static string? Read<T>(ReadOnlySpan<byte> value, JsonTypeInfo<T> type, out T? record)
        where T : class
    {
        record = null;
        if (value.IsEmpty)
        {
            return "value is empty; expected a JSON object";
        }

        if (!System.Text.Unicode.Utf8.IsValid(value))
        {
            return "value is not valid UTF-8";
        }

        var first = FirstToken(value);
        if (first != (byte)'{')
        {
            return first == 0 ? "value is blank; expected a JSON object" : "value is not a JSON object";
        }

        try
        {
            record = JsonSerializer.Deserialize(value, type);
            return record is null ? "value is not a JSON object" : null;
        }
        catch (JsonException e)
        {
            return Describe(e);
        }
    }

    private static byte FirstToken(ReadOnlySpan<byte> value)
    {
        var start = value.StartsWith("\uFEFF"u8) ? 3 : 0;
        foreach (var b in value[start..])
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        return 0;
    }

    private static string Describe(JsonException e)
    {
        var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        if (field is not null && e.InnerException is InvalidOperationException or FormatException || field is not null && e.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return field == "seconds"
                ? "field 'seconds' is not an integer number; expected an integer from 1 to 86400 (not a string or a fraction)"
                : $"field '{field}' has the wrong JSON type; expected a string";
        }

        return $"value is not valid JSON: {e.Message}";
    }

    private static string? Missing(string field) => $"field '{field}' is missing";

    private static string? Required(string field, string? value) => value is null ? Missing(field) : null;

    private static string? Id(string field, string? value) => value is null ? Missing(field) : Identifier.Check(field, value);

    private static string? KeyMatches(string? key, string field, string value) =>
        key is null || key == value ? null : $"record key '{Clip(key)}' does not match field '{field}' ('{value}')";

    private static string Clip(string text) => text.Length <= 140 ? text : text[..140] + "…";

    private static DecodeResult<object> Widen<T>(DecodeResult<T> result)
        where T : class => result.IsValid ? DecodeResult<object>.Ok(result.Value) : DecodeResult<object>.Fail(result.Error);
}
