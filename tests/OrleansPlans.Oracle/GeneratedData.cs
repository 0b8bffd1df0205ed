namespace OrleansPlans.Oracle;

/// <summary>A generated data set: the records in production order and the poison among them.</summary>
/// <param name="Records">All records in the order they were produced (offsets increase per topic and partition).</param>
/// <param name="Poison">Every record that is invalid on purpose, with its kind; each must end up as a dead letter.</param>
public sealed record GeneratedData(IReadOnlyList<RawRecord> Records, IReadOnlyList<GeneratedPoison> Poison);
