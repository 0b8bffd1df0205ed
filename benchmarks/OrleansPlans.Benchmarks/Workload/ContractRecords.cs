using System.Buffers;
using System.Globalization;
using System.Text.Json;
using OrleansPlans.Domain.Events;

namespace OrleansPlans.Benchmarks.Workload;

/// <summary>
/// Encodes typed workload events as the contract's JSON records (section 1), so the broker-based parts consume
/// exactly the events the in-process parts apply.
/// </summary>
public static class ContractRecords
{
    /// <summary>The <c>plan-membership</c> topic.</summary>
    public const string MembershipTopic = "plan-membership";

    /// <summary>The <c>content-usage</c> topic.</summary>
    public const string UsageTopic = "content-usage";

    /// <summary>The <c>plan-merges</c> topic.</summary>
    public const string MergesTopic = "plan-merges";

    /// <summary>Every event of the workload as records, in delivery order (per user, memberships of a batch before its usage).</summary>
    public static List<ContractRecord> Encode(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var records = new List<ContractRecord>((int)workload.Events);
        foreach (var batch in workload.Batches)
        {
            foreach (var membership in batch.Memberships)
            {
                records.Add(Membership(membership));
            }

            foreach (var usage in batch.Usages)
            {
                records.Add(Usage(usage));
            }
        }

        return records;
    }

    /// <summary>A <c>plan-membership</c> record.</summary>
    public static ContractRecord Membership(MembershipEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new ContractRecord(MembershipTopic, e.UserId, Json(w =>
        {
            w.WriteString("eventId", e.EventId);
            w.WriteString("type", e.Type == MembershipChange.Added ? "member_added" : "member_removed");
            w.WriteString("planId", e.PlanId);
            w.WriteString("userId", e.UserId);
            w.WriteString("occurredAt", Stamp(e.OccurredAt));
        }));
    }

    /// <summary>A <c>content-usage</c> record.</summary>
    public static ContractRecord Usage(UsageEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new ContractRecord(UsageTopic, e.UserId, Json(w =>
        {
            w.WriteString("eventId", e.EventId);
            w.WriteString("userId", e.UserId);
            w.WriteString("contentId", e.ContentId);
            w.WriteNumber("seconds", e.Seconds);
            w.WriteString("occurredAt", Stamp(e.OccurredAt));
        }));
    }

    /// <summary>A <c>plan-merges</c> record, keyed by the source plan.</summary>
    public static ContractRecord Merge(string eventId, string sourcePlanId, string targetPlanId, DateTimeOffset at) =>
        new(MergesTopic, sourcePlanId, Json(w =>
        {
            w.WriteString("eventId", eventId);
            w.WriteString("sourcePlanId", sourcePlanId);
            w.WriteString("targetPlanId", targetPlanId);
            w.WriteString("occurredAt", Stamp(at));
            w.WriteString("requestedBy", "benchmark");
        }));

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(192);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
