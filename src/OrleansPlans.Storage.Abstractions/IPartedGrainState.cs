namespace OrleansPlans.Storage;

/// <summary>
/// A grain state kept as named parts (a plan's hours, days, contents, members, …), so that a storage able to write
/// parts writes only those that changed since the last write instead of the whole state; a storage that keeps whole
/// states stores <see cref="AllParts"/>. Part names are chosen by the grain; values are opaque bytes.
/// </summary>
public interface IPartedGrainState
{
    /// <summary>The parts read from storage, set by the storage on a read, until the grain builds its state from them.</summary>
    IReadOnlyList<KeyValuePair<string, byte[]>>? LoadedParts { get; set; }

    /// <summary>Every current part (for a storage that writes whole states).</summary>
    IEnumerable<KeyValuePair<string, byte[]>> AllParts();

    /// <summary>
    /// Takes the parts changed since the last successful write: the new bytes, or null for a part that no longer
    /// exists. After a failed write the storage gives them back with <see cref="RestoreUnsaved"/>.
    /// </summary>
    IReadOnlyDictionary<string, byte[]?> TakeUnsaved();

    /// <summary>A write of <paramref name="parts"/> failed: they are unsaved again, except those changed since.</summary>
    void RestoreUnsaved(IReadOnlyDictionary<string, byte[]?> parts);
}
