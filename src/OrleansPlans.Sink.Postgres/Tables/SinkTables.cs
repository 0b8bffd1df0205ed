using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Sink.Postgres.Tables;

/// <summary>The contract's section-3 tables as the sink writes them: <see cref="OutputTableDescriptions"/>, by name.</summary>
internal static class SinkTables
{
    public static readonly IReadOnlyDictionary<string, SinkTable> ByName =
        OutputTableDescriptions.All.ToDictionary(t => t.Name, t => new SinkTable(t), StringComparer.Ordinal);
}
