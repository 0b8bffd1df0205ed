using System.Text.Json;

namespace OrleansPlans.Domain.Rows;

/// <summary>A row of one of the contract's output tables.</summary>
public abstract record OutputRow
{
    /// <summary>The table the row belongs to.</summary>
    public abstract string Table { get; }

    /// <summary>The primary-key columns joined with '|': the output topic's record key.</summary>
    public abstract string Key { get; }

    /// <summary>Writes the row as the output topic's JSON value (snake_case columns in table order).</summary>
    public abstract void WriteJson(Utf8JsonWriter writer);
}
