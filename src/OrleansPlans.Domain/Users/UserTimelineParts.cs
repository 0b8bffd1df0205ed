using System.Globalization;
using System.Text.Json;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Serialization;

namespace OrleansPlans.Domain.Users;

/// <summary>
/// A <see cref="UserTimeline"/> as named parts, so that a write carries the user's new events instead of the whole
/// history: a small header (<see cref="UserTimelineHeader"/>), written every time, and the usage events in runs of
/// <see cref="UsagesPerPart"/> in the order they were applied (<c>e/0</c>, <c>e/1</c>, …). Usages are only ever
/// appended, so a write carries the header and the last run or two, however long the history.
/// </summary>
public static class UserTimelineParts
{
    /// <summary>The header part's name.</summary>
    public const string HeaderPart = "user";

    /// <summary>
    /// Usage events per part: a write rewrites at most this many old events (a few kilobytes), and a user with a long
    /// history reads back in one row per this many events.
    /// </summary>
    public const int UsagesPerPart = 16;

    private const string UsagesPrefix = "e/";

    /// <summary>Every part of <paramref name="timeline"/>.</summary>
    public static IEnumerable<KeyValuePair<string, byte[]>> All(UserTimeline timeline)
    {
        yield return new(HeaderPart, Header(timeline));
        for (var first = 0; first < timeline.Usages.Count; first += UsagesPerPart)
        {
            yield return new(UsagePart(first), Usages(timeline, first));
        }
    }

    /// <summary>
    /// The header and the usage parts changed since the last call, and counts them stored: the caller must persist
    /// them, or keep them for its next write if this one fails.
    /// </summary>
    public static Dictionary<string, byte[]?> TakeUnsaved(UserTimeline timeline)
    {
        var parts = new Dictionary<string, byte[]?>(StringComparer.Ordinal) { [HeaderPart] = Header(timeline) };
        var stored = timeline.StoredUsages ?? 0;
        if (timeline.Usages.Count > stored)
        {
            // From the run the stored events end in: it gains the first new events.
            for (var first = stored - (stored % UsagesPerPart); first < timeline.Usages.Count; first += UsagesPerPart)
            {
                parts[UsagePart(first)] = Usages(timeline, first);
            }
        }

        timeline.StoredUsages = timeline.Usages.Count;
        return parts;
    }

    /// <summary>Rebuilds the timeline of <paramref name="userId"/> from its parts.</summary>
    /// <exception cref="FormatException">The header is missing, a run of usages is missing, or a part is not one this class writes.</exception>
    public static UserTimeline Load(string userId, IEnumerable<KeyValuePair<string, byte[]>> parts)
    {
        UserTimelineHeader? header = null;
        var runs = new SortedList<int, List<UsageEvent>>();
        foreach (var (name, value) in parts)
        {
            if (name == HeaderPart)
            {
                header = JsonSerializer.Deserialize(value, DomainJsonContext.Default.UserTimelineHeader);
            }
            else if (name.StartsWith(UsagesPrefix, StringComparison.Ordinal)
                     && int.TryParse(name.AsSpan(UsagesPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var run))
            {
                runs.Add(run, JsonSerializer.Deserialize(value, DomainJsonContext.Default.ListUsageEvent) ?? []);
            }
            else
            {
                throw new FormatException($"user '{userId}': unknown state part '{name}'");
            }
        }

        if (header is null)
        {
            throw new FormatException($"user '{userId}': the state has no '{HeaderPart}' part");
        }

        var usages = new List<UsageEvent>(runs.Count * UsagesPerPart);
        foreach (var (run, events) in runs)
        {
            // Every run but the last is full: a gap or a short run means a part was lost, and the history with it.
            if (run != usages.Count / UsagesPerPart || usages.Count % UsagesPerPart != 0)
            {
                throw new FormatException($"user '{userId}': usage part {run} does not follow the {usages.Count} usages before it");
            }

            usages.AddRange(events);
        }

        return new UserTimeline(userId)
        {
            Memberships = header.Memberships,
            Usages = usages,
            Resolutions = header.Resolutions,
            NextSequence = header.NextSequence,
            Outbox = header.Outbox,
            StoredUsages = usages.Count,
        };
    }

    private static byte[] Header(UserTimeline timeline) => JsonSerializer.SerializeToUtf8Bytes(
        new UserTimelineHeader(timeline.Memberships, timeline.Resolutions, timeline.NextSequence, timeline.Outbox),
        DomainJsonContext.Default.UserTimelineHeader);

    private static byte[] Usages(UserTimeline timeline, int first) => JsonSerializer.SerializeToUtf8Bytes(
        timeline.Usages.GetRange(first, Math.Min(UsagesPerPart, timeline.Usages.Count - first)),
        DomainJsonContext.Default.ListUsageEvent);

    private static string UsagePart(int first) => UsagesPrefix + (first / UsagesPerPart).ToString(CultureInfo.InvariantCulture);
}
