using System.Text.RegularExpressions;

namespace OrleansPlans.Operations.Versions;

/// <summary>
/// A version of the pipeline: the one rule that names everything a deployment owns, so a reprocessing version runs beside
/// the serving one with nothing shared but the input topics and the database. The base version (no
/// <c>Pipeline:Version</c>) keeps the configured names; version <c>v2</c> derives from each configured name its own:
/// cluster and service id <c>orleansplans-v2</c>, consumer groups <c>orleansplans-v2</c> and
/// <c>orleansplans-analytics-v2</c>, output and dead-letter topics <c>plan-usage-hourly-v2</c>, …, analytics schema
/// <c>analytics_v2</c> and grain state namespace <c>v2</c>. With no checkpoints of its own the new consumer group starts
/// at the earliest retained input offsets.
/// </summary>
public sealed partial record PipelineVersion
{
    /// <summary>The name of the base version, the deployment run without <c>Pipeline:Version</c>.</summary>
    public const string BaseName = "base";

    private PipelineVersion(string name) => Name = name;

    /// <summary>The base version: every configured name as it is.</summary>
    public static PipelineVersion Base { get; } = new(BaseName);

    /// <summary>The version's name: <see cref="BaseName"/> or 1 to 20 of <c>a-z 0-9 _</c>, starting with a letter.</summary>
    public string Name { get; }

    /// <summary>Whether this is the base version (its names are the configured ones).</summary>
    public bool IsBase => Name == BaseName;

    /// <summary>Whether <paramref name="name"/> names a version (see <see cref="Name"/>).</summary>
    public static bool IsValidName(string? name) => name is not null && VersionName().IsMatch(name);

    /// <summary>The version named <paramref name="name"/>; blank is the base version.</summary>
    /// <exception cref="ArgumentException">The name is not valid; the message says what is allowed.</exception>
    public static PipelineVersion Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Base;
        }

        if (!IsValidName(name))
        {
            throw new ArgumentException(
                $"Pipeline version '{name}' is not accepted: use 1 to 20 lower-case letters, digits or '_', starting with a letter (e.g. v2).", nameof(name));
        }

        return new PipelineVersion(name);
    }

    /// <summary>A Kafka topic, consumer group or Orleans cluster/service id of this version: <c>{name}-{version}</c>.</summary>
    public string Dashed(string configured) => IsBase ? configured : $"{configured}-{Name}";

    /// <summary>
    /// The schema this version's sink writes: <c>{schema}_{version}</c>. The base version writes the serving schema itself
    /// until a switch retires its tables into <c>{schema}_base</c> (see <see cref="RetiredSchema"/>).
    /// </summary>
    public string DataSchema(string servingSchema) => IsBase ? servingSchema : RetiredSchema(servingSchema);

    /// <summary>Where this version's tables are once another version serves: <c>{schema}_{version}</c> (also for the base version).</summary>
    public string RetiredSchema(string servingSchema) => $"{servingSchema}_{Name}";

    /// <summary>The prefix of this version's grain state names in the group-commit storage; empty for the base version.</summary>
    public string StateNamespace => IsBase ? "" : Name;

    /// <inheritdoc />
    public override string ToString() => Name;

    [GeneratedRegex("^[a-z][a-z0-9_]{0,19}$")]
    private static partial Regex VersionName();
}
