using System.Globalization;
using System.Text;
using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Plans;

/// <summary>
/// An <see cref="UnattributedLedger"/> as named parts: the day's total with its emit flags in one small header, and one
/// part per user's applied sequence. The sequences grow with the users who had unattributed usage that day, so a write
/// carries only the users a delta touched instead of all of them (see <see cref="PlanLedgerParts"/> for plans).
/// </summary>
public static class UnattributedLedgerParts
{
    /// <summary>The header part's name.</summary>
    public const string HeaderPart = "day";

    /// <summary>Every part of <paramref name="ledger"/>.</summary>
    public static IEnumerable<KeyValuePair<string, byte[]>> All(UnattributedLedger ledger)
    {
        yield return new(HeaderPart, Header(ledger));
        foreach (var (user, sequence) in ledger.AppliedSequences)
        {
            yield return new(SequencePart(user), Encode(sequence));
        }
    }

    /// <summary>The header and the sequences changed since the last call; forgets those changes (see <see cref="PlanLedgerParts.TakeUnsaved"/>).</summary>
    public static Dictionary<string, byte[]?> TakeUnsaved(UnattributedLedger ledger)
    {
        if (ledger.UnsavedUsers is null)
        {
            // Not stored in parts before: every part, and changes are tracked from now on.
            ledger.ForgetUnsaved();
            return All(ledger).ToDictionary(p => p.Key, p => (byte[]?)p.Value, StringComparer.Ordinal);
        }

        var parts = new Dictionary<string, byte[]?>(1 + ledger.UnsavedUsers.Count, StringComparer.Ordinal) { [HeaderPart] = Header(ledger) };
        foreach (var user in ledger.UnsavedUsers)
        {
            parts[SequencePart(user)] = ledger.AppliedSequences.TryGetValue(user, out var sequence) ? Encode(sequence) : null;
        }

        ledger.ForgetUnsaved();
        return parts;
    }

    /// <summary>Rebuilds the ledger of <paramref name="day"/> from its parts.</summary>
    /// <exception cref="FormatException">A part's name or value is not one this class writes.</exception>
    public static UnattributedLedger Load(DateOnly day, IEnumerable<KeyValuePair<string, byte[]>> parts)
    {
        var ledger = new UnattributedLedger(day) { UnsavedUsers = new HashSet<string>(StringComparer.Ordinal) };
        foreach (var (name, value) in parts)
        {
            if (name == HeaderPart)
            {
                var fields = Encoding.UTF8.GetString(value).Split(',');
                ledger.Total = new Tally(long.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
                ledger.Changed = fields[2] == "1";
                ledger.Emitting = fields[3] == "1";
            }
            else if (name.StartsWith("s/", StringComparison.Ordinal))
            {
                ledger.AppliedSequences[name[2..]] = long.Parse(Encoding.UTF8.GetString(value), CultureInfo.InvariantCulture);
            }
            else
            {
                throw new FormatException($"unattributed day {day:yyyy-MM-dd}: unknown state part '{name}'");
            }
        }

        return ledger;
    }

    private static byte[] Header(UnattributedLedger ledger) => Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture, $"{ledger.Total.Seconds},{ledger.Total.Events},{(ledger.Changed ? 1 : 0)},{(ledger.Emitting ? 1 : 0)}"));

    private static string SequencePart(string user) => "s/" + user;

    private static byte[] Encode(long sequence) => Encoding.UTF8.GetBytes(sequence.ToString(CultureInfo.InvariantCulture));
}
