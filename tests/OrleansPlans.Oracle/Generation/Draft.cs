using System.Text.Json.Nodes;

namespace OrleansPlans.Oracle.Generation;

/// <summary>A record before it gets a position: what to send and when it is sent.</summary>
internal sealed class Draft
{
    public required string Topic { get; init; }

    public required string? Key { get; init; }

    public required byte[] Value { get; init; }

    /// <summary>Production time; records are produced in (Emit, Sequence) order.</summary>
    public required DateTime Emit { get; init; }

    public required int Sequence { get; init; }

    /// <summary>The valid body this draft was made from (null for poison).</summary>
    public JsonObject? Body { get; init; }

    public string? PoisonKind { get; init; }

    /// <summary>False for merges meant to be refused: a re-sent refused merge is a grey zone we avoid.</summary>
    public bool MayDuplicate { get; init; } = true;
}
