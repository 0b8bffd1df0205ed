using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrleansPlans.Oracle;

/// <summary>
/// Builds table rows (key and JSON value) in the exact output-topic format, so the oracle and whoever
/// fills a <see cref="CanonicalTables"/> from production rows produce comparable strings.
/// </summary>
public static class RowFormat
{
    /// <summary>Formats a UTC instant as <c>yyyy-MM-ddTHH:mm:ss.FFFFFFFZ</c> (trailing zero fractions vanish).</summary>
    public static string Timestamp(DateTime utc)
    {
        if (utc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("Timestamps must be UTC (or unspecified, read as UTC).", nameof(utc));
        }

        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a date as <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A <c>plan_usage_hourly</c> row.</summary>
    public static KeyValuePair<string, string?> UsageHourly(string planId, DateTime hourStartUtc, long seconds, long events) =>
        Row(
            Key(planId, Timestamp(hourStartUtc)),
            w =>
            {
                w.WriteString("plan_id", planId);
                w.WriteString("hour_start", Timestamp(hourStartUtc));
                w.WriteNumber("seconds", seconds);
                w.WriteNumber("events", events);
            });

    /// <summary>A <c>plan_usage_daily</c> row.</summary>
    public static KeyValuePair<string, string?> UsageDaily(string planId, DateOnly day, long seconds, long events, long activeUsers) =>
        Row(
            Key(planId, Date(day)),
            w =>
            {
                w.WriteString("plan_id", planId);
                w.WriteString("day", Date(day));
                w.WriteNumber("seconds", seconds);
                w.WriteNumber("events", events);
                w.WriteNumber("active_users", activeUsers);
            });

    /// <summary>A <c>plan_usage_monthly</c> row; <paramref name="month"/> is the first day of the month.</summary>
    public static KeyValuePair<string, string?> UsageMonthly(string planId, DateOnly month, long seconds, long events, long activeUsers) =>
        Row(
            Key(planId, Date(month)),
            w =>
            {
                w.WriteString("plan_id", planId);
                w.WriteString("month", Date(month));
                w.WriteNumber("seconds", seconds);
                w.WriteNumber("events", events);
                w.WriteNumber("active_users", activeUsers);
            });

    /// <summary>A <c>plan_content_usage</c> row.</summary>
    public static KeyValuePair<string, string?> ContentUsage(string planId, string contentId, long seconds, long events) =>
        Row(
            Key(planId, contentId),
            w =>
            {
                w.WriteString("plan_id", planId);
                w.WriteString("content_id", contentId);
                w.WriteNumber("seconds", seconds);
                w.WriteNumber("events", events);
            });

    /// <summary>A <c>plan_members</c> row.</summary>
    public static KeyValuePair<string, string?> Member(string planId, string userId, DateTime memberSinceUtc) =>
        Row(
            Key(planId, userId),
            w =>
            {
                w.WriteString("plan_id", planId);
                w.WriteString("user_id", userId);
                w.WriteString("member_since", Timestamp(memberSinceUtc));
            });

    /// <summary>A <c>plans</c> row; <paramref name="mergedInto"/> is null for active plans.</summary>
    public static KeyValuePair<string, string?> Plan(string planId, string status, string? mergedInto, long memberCount) =>
        Row(
            planId,
            w =>
            {
                w.WriteString("plan_id", planId);
                w.WriteString("status", status);
                if (mergedInto is null)
                {
                    w.WriteNull("merged_into");
                }
                else
                {
                    w.WriteString("merged_into", mergedInto);
                }

                w.WriteNumber("member_count", memberCount);
            });

    /// <summary>An <c>unattributed_usage_daily</c> row.</summary>
    public static KeyValuePair<string, string?> UnattributedDaily(DateOnly day, long seconds, long events) =>
        Row(
            Date(day),
            w =>
            {
                w.WriteString("day", Date(day));
                w.WriteNumber("seconds", seconds);
                w.WriteNumber("events", events);
            });

    /// <summary>A <c>dead_letters</c> row: only the position is compared, so the value is null.</summary>
    public static KeyValuePair<string, string?> DeadLetter(string topic, int partition, long offset) =>
        new(DeadLetterKey(topic, partition, offset), null);

    /// <summary>The dead-letter key <c>topic|partition|offset</c>.</summary>
    public static string DeadLetterKey(string topic, int partition, long offset) =>
        Key(topic, partition.ToString(CultureInfo.InvariantCulture), offset.ToString(CultureInfo.InvariantCulture));

    private static string Key(params string[] parts) => string.Join('|', parts);

    private static KeyValuePair<string, string?> Row(string key, Action<Utf8JsonWriter> writeColumns)
    {
        // Default writer options: compact output and JavaScriptEncoder.Default escaping, as the contract team agreed.
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeColumns(writer);
            writer.WriteEndObject();
        }

        return new(key, Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
