using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansPlans.Domain.Rows;

/// <summary>A row of one of the contract's output tables.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$table")]
[JsonDerivedType(typeof(PlanUsageHourlyRow), OutputTables.PlanUsageHourly)]
[JsonDerivedType(typeof(PlanUsageDailyRow), OutputTables.PlanUsageDaily)]
[JsonDerivedType(typeof(PlanUsageMonthlyRow), OutputTables.PlanUsageMonthly)]
[JsonDerivedType(typeof(PlanContentUsageRow), OutputTables.PlanContentUsage)]
[JsonDerivedType(typeof(PlanMemberRow), OutputTables.PlanMembers)]
[JsonDerivedType(typeof(PlanRow), OutputTables.Plans)]
[JsonDerivedType(typeof(UnattributedUsageDailyRow), OutputTables.UnattributedUsageDaily)]
[JsonDerivedType(typeof(DeadLetterRow), OutputTables.DeadLetters)]
public abstract record OutputRow
{
    /// <summary>The table the row belongs to.</summary>
    [JsonIgnore]
    public abstract string Table { get; }

    /// <summary>The primary-key columns joined with '|': the output topic's record key.</summary>
    [JsonIgnore]
    public abstract string Key { get; }

    /// <summary>Writes the row as the output topic's JSON value (snake_case columns in table order).</summary>
    public abstract void WriteJson(Utf8JsonWriter writer);
}
