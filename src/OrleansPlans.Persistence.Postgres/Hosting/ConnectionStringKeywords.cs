using System.Data.Common;

namespace OrleansPlans.Persistence.Postgres.Hosting;

/// <summary>What a connection string sets itself, so that a default applies only where it chose nothing.</summary>
public static class ConnectionStringKeywords
{
    /// <summary>
    /// True when <paramref name="connectionString"/> sets one of <paramref name="keywords"/> (compared without spaces,
    /// ignoring case: pass each spelling, e.g. "MaximumPoolSize" and "MaxPoolSize"). Npgsql's own builder answers
    /// ContainsKey for every keyword it knows, set or not, so the keys are read as written.
    /// </summary>
    public static bool Names(string connectionString, params string[] keywords) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal))
            .Any(k => keywords.Contains(k, StringComparer.OrdinalIgnoreCase));
}
