using Npgsql;
using NpgsqlTypes;

namespace OrleansPlans.Dashboard.Analytics;

/// <summary>Typed parameters (a null travels as a typed SQL null, so <c>@p is null</c> needs no cast).</summary>
internal static class SqlParameters
{
    public static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Date(string name, DateOnly value) => new(name, NpgsqlDbType.Date) { Value = value };

    public static NpgsqlParameter BigInt(string name, long value) => new(name, NpgsqlDbType.Bigint) { Value = value };
}
