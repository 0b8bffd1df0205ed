using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace OrleansPlans.Postgres.Migrations;

/// <summary>
/// An ordered set of migrations with its own history key, so that several assemblies (Orleans tables, analytics
/// tables, ...) each evolve their own schema and record their own history in one <c>schema_migrations</c> table.
/// </summary>
public sealed partial class MigrationSet
{
    /// <summary>Creates a set from migrations; versions must be positive and unique.</summary>
    /// <param name="key">The history key, e.g. "orleans" or "analytics"; 1 to 64 characters.</param>
    /// <param name="migrations">The migrations, in any order.</param>
    public MigrationSet(string key, IEnumerable<Migration> migrations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(migrations);
        if (key.Length > 64)
        {
            throw new ArgumentException($"Migration set key '{key}' is longer than 64 characters.", nameof(key));
        }

        var ordered = migrations.OrderBy(m => m.Version).ToArray();
        var problems = ordered.Where(m => m.Version <= 0).Select(m => $"version {m.Version} ({m.Name}) is not positive")
            .Concat(ordered.GroupBy(m => m.Version).Where(g => g.Count() > 1).Select(g => $"version {g.Key} appears {g.Count()} times"))
            .ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException($"Migration set '{key}' is invalid: {string.Join("; ", problems)}.", nameof(migrations));
        }

        Key = key;
        Migrations = ordered;
    }

    /// <summary>The history key under which applied versions are recorded.</summary>
    public string Key { get; }

    /// <summary>The migrations in ascending version order.</summary>
    public IReadOnlyList<Migration> Migrations { get; }

    /// <summary>
    /// Loads every embedded resource named <c>{resourcePrefix}NNNN_name.sql</c> from <paramref name="assembly"/>.
    /// With <c>&lt;EmbeddedResource Include="Migrations\Sql\*.sql" /&gt;</c> the prefix is
    /// "{RootNamespace}.Migrations.Sql.".
    /// </summary>
    /// <exception cref="ArgumentException">No scripts matched, or a version repeats.</exception>
    public static MigrationSet FromEmbeddedResources(string key, Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(resourcePrefix);

        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal)))
        {
            var match = ScriptName().Match(resource[resourcePrefix.Length..]);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }

        if (migrations.Count == 0)
        {
            throw new ArgumentException($"No embedded resources named '{resourcePrefix}NNNN_name.sql' in {assembly.GetName().Name}.", nameof(resourcePrefix));
        }

        return new MigrationSet(key, migrations);
    }

    [GeneratedRegex(@"^(?<version>\d{1,9})_(?<name>[A-Za-z0-9_\-]+)\.sql$")]
    private static partial Regex ScriptName();
}
