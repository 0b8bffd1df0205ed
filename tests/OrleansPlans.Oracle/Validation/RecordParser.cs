using System.Text;
using System.Text.Json;

namespace OrleansPlans.Oracle.Validation;

/// <summary>
/// Validates one raw record against the team's reading of CONTRACT.md (interpretation 1) and returns the
/// event it carries, or the reason it is a dead letter.
/// </summary>
internal static class RecordParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly string[] MembershipFields = ["eventId", "type", "planId", "userId", "occurredAt"];
    private static readonly string[] UsageFields = ["eventId", "userId", "contentId", "seconds", "occurredAt"];
    private static readonly string[] MergeFields = ["eventId", "sourcePlanId", "targetPlanId", "occurredAt", "requestedBy"];

    /// <summary>Returns the event, or null with <paramref name="reason"/> set.</summary>
    public static InputEvent? Parse(RawRecord record, out string reason)
    {
        reason = "";
        try
        {
            StrictUtf8.GetString(record.Value);
        }
        catch (DecoderFallbackException)
        {
            reason = "value is not valid UTF-8";
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(record.Value);
        }
        catch (JsonException)
        {
            reason = "value is not valid JSON";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                reason = "value is not a JSON object";
                return null;
            }

            var fields = new FieldReader(root);
            InputEvent? result = record.Topic switch
            {
                Topics.Membership => ReadMembership(record, fields),
                Topics.Usage => ReadUsage(record, fields),
                Topics.Merges => ReadMerge(record, fields),
                _ => throw new ArgumentException($"Topic '{record.Topic}' is not an input topic.", nameof(record)),
            };
            reason = fields.Error ?? "";
            return fields.Error is null ? result : null;
        }
    }

    private static MembershipEvent? ReadMembership(RawRecord record, FieldReader f)
    {
        var eventId = f.Identifier("eventId");
        var type = f.String("type");
        var planId = f.Identifier("planId");
        var userId = f.Identifier("userId");
        var occurredAt = f.Timestamp("occurredAt");
        if (type is not null && type is not ("member_added" or "member_removed"))
        {
            f.Fail($"unknown type '{type}'");
        }

        f.RequireKey(record.Key, userId, "userId");
        return f.Error is null
            ? new MembershipEvent(eventId!, record, occurredAt, f.HasUnknownFields(MembershipFields), type == "member_added", planId!, userId!)
            : null;
    }

    private static UsageEvent? ReadUsage(RawRecord record, FieldReader f)
    {
        var eventId = f.Identifier("eventId");
        var userId = f.Identifier("userId");
        var contentId = f.Identifier("contentId");
        var seconds = f.Seconds("seconds");
        var occurredAt = f.Timestamp("occurredAt");
        f.RequireKey(record.Key, userId, "userId");
        return f.Error is null
            ? new UsageEvent(eventId!, record, occurredAt, f.HasUnknownFields(UsageFields), userId!, contentId!, seconds)
            : null;
    }

    private static MergeEvent? ReadMerge(RawRecord record, FieldReader f)
    {
        var eventId = f.Identifier("eventId");
        var source = f.Identifier("sourcePlanId");
        var target = f.Identifier("targetPlanId");
        var occurredAt = f.Timestamp("occurredAt");
        var requestedBy = f.String("requestedBy");
        if (requestedBy is not null && requestedBy.Length is < 1 or > 256)
        {
            f.Fail("requestedBy must be 1 to 256 characters");
        }

        f.RequireKey(record.Key, source, "sourcePlanId");
        return f.Error is null
            ? new MergeEvent(eventId!, record, occurredAt, f.HasUnknownFields(MergeFields), source!, target!)
            : null;
    }
}
