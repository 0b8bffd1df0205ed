using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using OrleansPlans.Domain.Figures;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Domain.Plans;

/// <summary>
/// One plan id's state. A surviving (root) plan holds the totals of everything attributed to it and to the plans
/// merged into it; a merged plan (alias) holds only where it resolves now. State is bounded by the plan's history.
/// </summary>
public sealed class PlanLedger : ICapturesRows
{
    /// <summary>Creates the ledger of a plan id that nothing has named yet.</summary>
    public PlanLedger(string planId) => PlanId = planId;

    /// <summary>The plan id.</summary>
    public string PlanId { get; }

    /// <summary>Whether a valid event has named this plan id (only then does it have a <c>plans</c> row).</summary>
    public bool Named { get; set; }

    /// <summary>Where this plan resolves once merged away; null while it survives.</summary>
    public PlanResolution? MergedInto { get; set; }

    /// <summary>The totals (empty for a merged plan).</summary>
    public PlanFigures Figures { get; set; } = new();

    /// <summary>Users that named this plan or a plan merged into it: the ones a later merge may need to reconcile.</summary>
    public HashSet<string> Users { get; set; } = [];

    /// <summary>Plan ids merged into this one (directly or through chains) and the version of their resolution.</summary>
    public Dictionary<string, PlanResolution> Aliases { get; set; } = [];

    /// <summary>Highest delta sequence applied, per addressed plan id, per user: makes redelivered deltas harmless.</summary>
    public Dictionary<string, Dictionary<string, long>> AppliedSequences { get; set; } = [];

    /// <summary>Merges absorbed, with the users each one needed reconciled (kept so a retried merge gets the same answer).</summary>
    public Dictionary<string, List<string>> AbsorbedMerges { get; set; } = [];

    /// <summary>The hand-off given when this plan was merged away, kept until the survivor confirms it absorbed it.</summary>
    public PlanHandOff? PendingHandOff { get; set; }

    /// <summary>The merge that made this plan an alias (a replay of it must be answered, not refused).</summary>
    public string? MergedBy { get; set; }

    /// <summary>Rows changed since a write last captured them (<see cref="CaptureForWrite"/>).</summary>
    public FigureChanges Changes { get; set; } = new();

    /// <summary>
    /// Rows captured for emitting whose emit has not been acknowledged yet. Kept in the state, so that every write
    /// records them: a process dying before the acknowledgement re-emits them on activation
    /// (<see cref="ResumeAfterRestart"/>) instead of losing them. Emits of one ledger must run one at a time.
    /// </summary>
    public FigureChanges Emitting { get; set; } = new();

    /// <summary>
    /// Figure rows, users and applied sequences changed since <see cref="PlanLedgerParts.TakeUnsaved"/> last took them:
    /// what a write of the ledger in parts must carry. Null until the ledger is stored in parts (loaded from them, or
    /// first taken), so a ledger that is never stored that way (the in-memory engine's) pays nothing for it. Not part
    /// of the ledger's JSON.
    /// </summary>
    [JsonIgnore]
    public PlanLedgerUnsaved? Unsaved { get; internal set; }

    // Rows captured by writes, oldest first, until their emit is acknowledged (see CaptureForWrite).
    private readonly List<CapturedRows> _captured = [];

    /// <summary>True while this plan survives.</summary>
    [JsonIgnore]
    public bool IsRoot => MergedInto is null;

    /// <summary>Records that a valid event named this plan id.</summary>
    public void MarkNamed()
    {
        if (!Named)
        {
            Named = true;
            Changes.Plan = true;
        }
    }

    /// <summary>
    /// Registers a user naming <paramref name="askedPlanId"/> (this plan or one merged into it). Roots only.
    /// <paramref name="forwardedVersion"/> is the newest merge version seen along the forwarding chain: a plan
    /// handed off but not yet absorbed is not among <see cref="Aliases"/>, and then that version is the answer.
    /// </summary>
    public Registration AcceptUser(string askedPlanId, string userId, long forwardedVersion = 0)
    {
        EnsureRoot();
        var resolution = askedPlanId == PlanId ? PlanResolution.Self(PlanId)
            : Aliases.TryGetValue(askedPlanId, out var alias) ? alias
            : forwardedVersion > 0 ? new PlanResolution(PlanId, forwardedVersion)
            : throw new InvalidOperationException($"plan '{askedPlanId}' is not merged into '{PlanId}'");
        if (Users.Add(userId))
        {
            Unsaved?.Users.Add(userId);
        }

        return new Registration(resolution, new Dictionary<string, PlanResolution>(Aliases));
    }

    /// <summary>Applies a user's delta addressed to <paramref name="addressedPlanId"/> with sequence <paramref name="sequence"/>.</summary>
    public DeltaOutcome Apply(string userId, long sequence, string addressedPlanId, PlanFigures delta)
    {
        if (!IsRoot)
        {
            // Until the survivor confirms the absorb it may not know the sequences this plan applied: they travel in
            // the hand-off. A redelivered delta the hand-off already counts stops here; forwarded, it would be counted
            // a second time once the absorb lands (the process-kill acceptance test found it when a user's outbox was
            // redelivered while the absorb waited on a dead silo).
            return PendingHandOff is { } pending && AlreadyApplied(pending.AppliedSequences, addressedPlanId, userId, sequence)
                ? DeltaOutcome.Duplicate
                : DeltaOutcome.Forward;
        }

        // One lookup per table for the check and the update (every delivered delta passes here).
        if (!AppliedSequences.TryGetValue(addressedPlanId, out var byUser))
        {
            AppliedSequences[addressedPlanId] = byUser = [];
        }

        ref var applied = ref CollectionsMarshal.GetValueRefOrAddDefault(byUser, userId, out var known);
        if (known && applied >= sequence)
        {
            return DeltaOutcome.Duplicate;
        }

        applied = sequence;
        var membersBefore = delta.MemberUsers;
        Figures.Add(delta, 1, Changes);
        if (Unsaved is { } unsaved)
        {
            unsaved.Sequences.Add((addressedPlanId, userId));
            delta.MarkAll(unsaved.Figures);
        }
        Changes.Plan |= membersBefore > 0;
        return DeltaOutcome.Applied;
    }

    /// <summary>
    /// Merges this (surviving) plan away into <paramref name="survivor"/>: hands over everything and keeps only the
    /// pointer. Idempotent for the same merge until <see cref="ConfirmHandOff"/>.
    /// </summary>
    public PlanHandOff HandOff(string mergeId, PlanResolution survivor)
    {
        if (PendingHandOff is { } pending && pending.MergeId == mergeId)
        {
            return pending;
        }

        if (MergedBy == mergeId)
        {
            // Replayed after the survivor confirmed (the coordinator crashed before recording completion): the
            // survivor answers an absorbed merge from its own record, so an empty hand-off is all it needs.
            return new PlanHandOff(mergeId, PlanId, new PlanFigures(), [], [], []);
        }

        EnsureRoot();
        var handOff = new PlanHandOff(mergeId, PlanId, Figures, Users, Aliases, AppliedSequences);
        Figures.MarkAll(Changes);
        MarkUnsaved(Figures, Users, AppliedSequences); // all of them are dropped from this plan's parts
        Figures = new PlanFigures();
        Users = [];
        Aliases = [];
        AppliedSequences = [];
        MergedInto = survivor;
        MergedBy = mergeId;
        Named = true;
        Changes.Plan = true;
        PendingHandOff = handOff;
        return handOff;
    }

    /// <summary>The survivor absorbed the hand-off: it need not be kept any longer.</summary>
    public void ConfirmHandOff(string mergeId)
    {
        if (PendingHandOff?.MergeId == mergeId)
        {
            PendingHandOff = null;
        }
    }

    /// <summary>
    /// Absorbs a merged plan. Returns the users who named plans on both sides: only their timelines can change
    /// (for everyone else the merge is a pure renaming, which moving the totals already did); and the alias map.
    /// </summary>
    public MergeMove Absorb(PlanHandOff handOff, long version)
    {
        if (AbsorbedMerges.TryGetValue(handOff.MergeId, out var known))
        {
            return new MergeMove(known, new Dictionary<string, PlanResolution>(Aliases));
        }

        EnsureRoot();
        var reconcile = handOff.Users.Where(Users.Contains).Order(StringComparer.Ordinal).ToList();
        Users.UnionWith(handOff.Users);
        Figures.Add(handOff.Figures, 1, Changes);
        MarkUnsaved(handOff.Figures, handOff.Users, handOff.AppliedSequences);
        Changes.Plan = true;
        Named = true;
        var survivor = new PlanResolution(PlanId, version);
        Aliases[handOff.SourcePlanId] = survivor;
        foreach (var alias in handOff.Aliases.Keys)
        {
            Aliases[alias] = survivor;
        }

        foreach (var (addressed, byUser) in handOff.AppliedSequences)
        {
            if (!AppliedSequences.TryGetValue(addressed, out var mine))
            {
                AppliedSequences[addressed] = mine = [];
            }

            foreach (var (user, sequence) in byUser)
            {
                mine[user] = Math.Max(sequence, mine.GetValueOrDefault(user));
            }
        }

        AbsorbedMerges[handOff.MergeId] = reconcile;
        return new MergeMove(reconcile, new Dictionary<string, PlanResolution>(Aliases));
    }

    /// <summary>
    /// What <see cref="HandOff"/> would give now, without giving it (for a merge preview). The figures and sets are
    /// this ledger's own: callers copy before changing them (a grain call does).
    /// </summary>
    public PlanHandOff PreviewHandOff(string mergeId)
    {
        EnsureRoot();
        return new PlanHandOff(mergeId, PlanId, Figures, Users, Aliases, []);
    }

    /// <summary>
    /// What <see cref="Absorb"/> would make of <paramref name="handOff"/> at merge <paramref name="version"/>, changing
    /// nothing: a copy of the combined figures, the users who would be reconciled and the alias map they would get.
    /// Exact together with those users' <see cref="Users.UserTimeline.PreviewReconcile"/> deltas, as the merge itself is.
    /// </summary>
    public AbsorbPreview PreviewAbsorb(PlanHandOff handOff, long version)
    {
        EnsureRoot();
        var figures = new PlanFigures();
        figures.Add(Figures, 1);
        figures.Add(handOff.Figures, 1);
        var reconcile = handOff.Users.Where(Users.Contains).Order(StringComparer.Ordinal).ToList();
        var aliases = new Dictionary<string, PlanResolution>(Aliases);
        var survivor = new PlanResolution(PlanId, version);
        aliases[handOff.SourcePlanId] = survivor;
        foreach (var alias in handOff.Aliases.Keys)
        {
            aliases[alias] = survivor;
        }

        return new AbsorbPreview(figures, new MergeMove(reconcile, aliases));
    }

    /// <summary>A merged plan's survivor was itself merged: point at the new survivor (newer versions only).</summary>
    public void Retarget(PlanResolution survivor)
    {
        if (MergedInto is { } current && current.Version < survivor.Version)
        {
            MergedInto = survivor;
            Changes.Plan = true;
        }
    }

    /// <summary>
    /// A write is serializing this ledger: the rows of every change since the last capture are taken now, valued as
    /// that write stores them, and published only once it succeeded (<see cref="WriteSucceeded"/>), so no row is seen
    /// before the state it comes from is durable, even while other calls change the ledger during the write. Their keys
    /// join <see cref="Emitting"/>, which the write stores: a process dying after the write re-emits them.
    /// </summary>
    public void CaptureForWrite()
    {
        if (Changes.IsEmpty)
        {
            return;
        }

        _captured.Add(new CapturedRows(Changes, PlanRows.Changes(this, Changes)));
        Emitting.UnionWith(Changes);
        Changes = new FigureChanges();
    }

    /// <summary>The write that last captured rows succeeded: they may be published.</summary>
    public void WriteSucceeded()
    {
        foreach (var batch in _captured)
        {
            batch.Durable = true;
        }
    }

    /// <summary>The write that last captured rows failed: their changes are pending again, for the next write.</summary>
    public void WriteFailed()
    {
        foreach (var batch in _captured.Where(b => !b.Durable))
        {
            Changes.UnionWith(batch.Keys);
        }

        _captured.RemoveAll(b => !b.Durable);
        RecountEmitting();
    }

    /// <summary>
    /// Takes the rows of every durable capture not taken yet (a row captured twice: its later value), for one emit at a
    /// time; <see cref="EmitAcknowledged"/> forgets them, <see cref="ResumeEmitting"/> gives them back.
    /// </summary>
    public IReadOnlyList<RowChange> TakeRowChanges()
    {
        List<RowChange>? rows = null;
        Dictionary<(string Table, string Key), int>? positions = null;
        foreach (var batch in _captured.Where(b => b.Durable && !b.Taken))
        {
            batch.Taken = true;
            if (rows is null)
            {
                rows = [.. batch.Rows];
                continue;
            }

            positions ??= rows.Select((row, i) => (row, i)).ToDictionary(x => (x.row.Table, x.row.Key), x => x.i);
            foreach (var row in batch.Rows)
            {
                if (positions.TryGetValue((row.Table, row.Key), out var at))
                {
                    rows[at] = row;
                }
                else
                {
                    positions[(row.Table, row.Key)] = rows.Count;
                    rows.Add(row);
                }
            }
        }

        return rows ?? (IReadOnlyList<RowChange>)[];
    }

    /// <summary>The rows last taken were emitted (acknowledged): they need no emit after a restart.</summary>
    public void EmitAcknowledged()
    {
        _captured.RemoveAll(b => b.Taken);
        RecountEmitting();
    }

    /// <summary>Rows taken but never acknowledged (a failed emit) are given back, to be emitted again.</summary>
    public void ResumeEmitting()
    {
        foreach (var batch in _captured)
        {
            batch.Taken = false;
        }
    }

    /// <summary>
    /// A new activation: every row its stored state lists as changed or being emitted comes from durable state, so it
    /// is captured at once as durable, to be emitted again (emits are idempotent).
    /// </summary>
    public void ResumeAfterRestart()
    {
        Changes.UnionWith(Emitting);
        Emitting = new FigureChanges();
        CaptureForWrite();
        WriteSucceeded();
    }

    private void RecountEmitting()
    {
        Emitting = new FigureChanges();
        foreach (var batch in _captured)
        {
            Emitting.UnionWith(batch.Keys);
        }
    }

    /// <summary>
    /// Hands the pending row changes to <paramref name="sink"/>, which applies them at once, and counts them acknowledged:
    /// the same as <see cref="TakeRowChanges"/> then <see cref="EmitAcknowledged"/>, without a list of changes (the
    /// in-memory engine's path).
    /// </summary>
    internal void EmitRowChanges(IRowChangeSink sink)
    {
        if (!Changes.IsEmpty)
        {
            PlanRows.Changes(this, Changes, sink);
            Changes = Changes.Emptied();
        }
    }

    /// <summary>Every current row of this plan id (for a full re-emit or a query).</summary>
    public IEnumerable<OutputRow> CurrentRows() => PlanRows.All(this);

    private void MarkUnsaved(PlanFigures figures, HashSet<string> users, Dictionary<string, Dictionary<string, long>> sequences)
    {
        if (Unsaved is null)
        {
            return;
        }

        figures.MarkAll(Unsaved.Figures);
        Unsaved.Users.UnionWith(users);
        foreach (var (addressed, byUser) in sequences)
        {
            foreach (var user in byUser.Keys)
            {
                Unsaved.Sequences.Add((addressed, user));
            }
        }
    }

    private static bool AlreadyApplied(
        Dictionary<string, Dictionary<string, long>> applied, string addressedPlanId, string userId, long sequence) =>
        applied.TryGetValue(addressedPlanId, out var byUser) && byUser.TryGetValue(userId, out var last) && last >= sequence;

    private void EnsureRoot()
    {
        if (!IsRoot)
        {
            throw new InvalidOperationException($"plan '{PlanId}' was merged into '{MergedInto!.Value.Root}'");
        }
    }
}
