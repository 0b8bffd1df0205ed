using System.Globalization;
using System.Text;
using System.Text.Json;
using OrleansPlans.Domain.Figures;
using OrleansPlans.Domain.Serialization;

namespace OrleansPlans.Domain.Plans;

/// <summary>
/// A <see cref="PlanLedger"/> as named parts, so that a write carries what changed instead of the whole ledger (tens
/// of kilobytes for a busy plan): one part per hourly, daily, monthly and content total, per member, per user and per applied
/// sequence, and a small header (<see cref="PlanLedgerHeader"/>) with the rest, written every time. Part names use
/// '/' as separator, which identifiers never contain. Values are short invariant text.
/// </summary>
public static class PlanLedgerParts
{
    /// <summary>The header part's name.</summary>
    public const string HeaderPart = "plan";

    private static readonly byte[] Present = [];

    /// <summary>Every part of <paramref name="ledger"/>.</summary>
    public static IEnumerable<KeyValuePair<string, byte[]>> All(PlanLedger ledger)
    {
        yield return new(HeaderPart, Header(ledger));
        foreach (var (hour, tally) in ledger.Figures.Hourly)
        {
            yield return new(HourPart(hour), Encode(tally));
        }

        foreach (var (day, tally) in ledger.Figures.Daily)
        {
            yield return new(DayPart(day), Encode(tally));
        }

        foreach (var (month, tally) in ledger.Figures.Monthly)
        {
            yield return new(MonthPart(month), Encode(tally));
        }

        foreach (var (content, tally) in ledger.Figures.Content)
        {
            yield return new(ContentPart(content), Encode(tally));
        }

        foreach (var (user, sinces) in ledger.Figures.Members)
        {
            yield return new(MemberPart(user), Encode(sinces));
        }

        foreach (var user in ledger.Users)
        {
            yield return new(UserPart(user), Present);
        }

        foreach (var (addressed, byUser) in ledger.AppliedSequences)
        {
            foreach (var (user, sequence) in byUser)
            {
                yield return new(SequencePart(addressed, user), Encode(sequence));
            }
        }
    }

    /// <summary>
    /// The header and every part changed since the last call (null for a part that no longer exists), and forgets
    /// those changes: the caller must persist them, or keep them for its next write if this one fails.
    /// </summary>
    public static Dictionary<string, byte[]?> TakeUnsaved(PlanLedger ledger)
    {
        if (ledger.Unsaved is not { } unsaved)
        {
            // Not stored in parts before (a plan nothing stored yet): every part, and changes are tracked from now on.
            ledger.Unsaved = new PlanLedgerUnsaved();
            return All(ledger).ToDictionary(p => p.Key, p => (byte[]?)p.Value, StringComparer.Ordinal);
        }

        var figures = ledger.Figures;
        var parts = new Dictionary<string, byte[]?>(
            1 + unsaved.Figures.Hours.Count + unsaved.Figures.Days.Count + unsaved.Figures.Months.Count + unsaved.Figures.Contents.Count
            + unsaved.Figures.Members.Count + unsaved.Users.Count + unsaved.Sequences.Count, StringComparer.Ordinal)
        {
            [HeaderPart] = Header(ledger),
        };
        foreach (var hour in unsaved.Figures.Hours)
        {
            parts[HourPart(hour)] = figures.Hourly.TryGetValue(hour, out var tally) ? Encode(tally) : null;
        }

        foreach (var day in unsaved.Figures.Days)
        {
            parts[DayPart(day)] = figures.Daily.TryGetValue(day, out var tally) ? Encode(tally) : null;
        }

        foreach (var month in unsaved.Figures.Months)
        {
            parts[MonthPart(month)] = figures.Monthly.TryGetValue(month, out var tally) ? Encode(tally) : null;
        }

        foreach (var content in unsaved.Figures.Contents)
        {
            parts[ContentPart(content)] = figures.Content.TryGetValue(content, out var tally) ? Encode(tally) : null;
        }

        foreach (var user in unsaved.Figures.Members)
        {
            parts[MemberPart(user)] = figures.Members.TryGetValue(user, out var sinces) ? Encode(sinces) : null;
        }

        foreach (var user in unsaved.Users)
        {
            parts[UserPart(user)] = ledger.Users.Contains(user) ? Present : null;
        }

        foreach (var (addressed, user) in unsaved.Sequences)
        {
            parts[SequencePart(addressed, user)] =
                ledger.AppliedSequences.TryGetValue(addressed, out var byUser) && byUser.TryGetValue(user, out var sequence) ? Encode(sequence) : null;
        }

        unsaved.Clear();
        return parts;
    }

    /// <summary>Rebuilds the ledger of <paramref name="planId"/> from its parts (none: a plan nothing named yet).</summary>
    /// <exception cref="FormatException">A part's name or value is not one this class writes.</exception>
    public static PlanLedger Load(string planId, IEnumerable<KeyValuePair<string, byte[]>> parts)
    {
        var ledger = new PlanLedger(planId) { Unsaved = new PlanLedgerUnsaved() };
        foreach (var (name, value) in parts)
        {
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            var kind = slash < 0 ? name : name[..slash];
            var id = slash < 0 ? "" : name[(slash + 1)..];
            switch (kind)
            {
                case HeaderPart:
                    ApplyHeader(ledger, JsonSerializer.Deserialize(value, DomainJsonContext.Default.PlanLedgerHeader)
                        ?? throw new FormatException($"plan '{planId}': empty header part"));
                    break;
                case "h":
                    ledger.Figures.Hourly[new DateTime(long.Parse(id, CultureInfo.InvariantCulture), DateTimeKind.Utc)] = DecodeTally(value);
                    break;
                case "d":
                    var day = Numbers(value);
                    ledger.Figures.Daily[DateOnly.FromDayNumber(int.Parse(id, CultureInfo.InvariantCulture))] = new DayTally(day[0], day[1], day[2]);
                    break;
                case "mo":
                    var month = Numbers(value);
                    ledger.Figures.Monthly[DateOnly.FromDayNumber(int.Parse(id, CultureInfo.InvariantCulture))] = new DayTally(month[0], month[1], month[2]);
                    break;
                case "c":
                    ledger.Figures.Content[id] = DecodeTally(value);
                    break;
                case "m":
                    foreach (var entry in Encoding.UTF8.GetString(value).Split(';'))
                    {
                        var (ticks, count) = (entry[..entry.IndexOf(':', StringComparison.Ordinal)], entry[(entry.IndexOf(':', StringComparison.Ordinal) + 1)..]);
                        ledger.Figures.AddMember(id, new DateTime(long.Parse(ticks, CultureInfo.InvariantCulture), DateTimeKind.Utc), int.Parse(count, CultureInfo.InvariantCulture));
                    }

                    break;
                case "u":
                    ledger.Users.Add(id);
                    break;
                case "s":
                    var separator = id.IndexOf('/', StringComparison.Ordinal);
                    var addressed = id[..separator];
                    if (!ledger.AppliedSequences.TryGetValue(addressed, out var byUser))
                    {
                        ledger.AppliedSequences[addressed] = byUser = [];
                    }

                    byUser[id[(separator + 1)..]] = Numbers(value)[0];
                    break;
                default:
                    throw new FormatException($"plan '{planId}': unknown state part '{name}'");
            }
        }

        return ledger;
    }

    private static byte[] Header(PlanLedger ledger) => JsonSerializer.SerializeToUtf8Bytes(
        new PlanLedgerHeader(ledger.Named, ledger.MergedInto, ledger.MergedBy, ledger.Aliases, ledger.AbsorbedMerges, ledger.PendingHandOff, ledger.Changes, ledger.Emitting),
        DomainJsonContext.Default.PlanLedgerHeader);

    private static void ApplyHeader(PlanLedger ledger, PlanLedgerHeader header)
    {
        ledger.Named = header.Named;
        ledger.MergedInto = header.MergedInto;
        ledger.MergedBy = header.MergedBy;
        ledger.Aliases = header.Aliases;
        ledger.AbsorbedMerges = header.AbsorbedMerges;
        ledger.PendingHandOff = header.PendingHandOff;
        ledger.Changes = header.Changes;
        ledger.Emitting = header.Emitting;
    }

    private static string HourPart(DateTime hour) => "h/" + hour.Ticks.ToString(CultureInfo.InvariantCulture);

    private static string DayPart(DateOnly day) => "d/" + day.DayNumber.ToString(CultureInfo.InvariantCulture);

    // By the day number of the month's first day, as days are.
    private static string MonthPart(DateOnly month) => "mo/" + month.DayNumber.ToString(CultureInfo.InvariantCulture);

    private static string ContentPart(string content) => "c/" + content;

    private static string MemberPart(string user) => "m/" + user;

    private static string UserPart(string user) => "u/" + user;

    private static string SequencePart(string addressed, string user) => $"s/{addressed}/{user}";

    private static byte[] Encode(Tally tally) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{tally.Seconds},{tally.Events}"));

    private static byte[] Encode(DayTally tally) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{tally.Seconds},{tally.Events},{tally.ActiveUsers}"));

    private static byte[] Encode(long sequence) => Encoding.UTF8.GetBytes(sequence.ToString(CultureInfo.InvariantCulture));

    private static byte[] Encode(Dictionary<DateTime, int> sinces) =>
        Encoding.UTF8.GetBytes(string.Join(';', sinces.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key.Ticks}:{s.Value}"))));

    private static Tally DecodeTally(byte[] value)
    {
        var numbers = Numbers(value);
        return new Tally(numbers[0], numbers[1]);
    }

    private static long[] Numbers(byte[] value) =>
        Array.ConvertAll(Encoding.UTF8.GetString(value).Split(','), n => long.Parse(n, CultureInfo.InvariantCulture));
}
