using System.Reflection;
using System.Text.RegularExpressions;
using OrleansPlans.Api;
using OrleansPlans.Host.Demo;
using OrleansPlans.Host.Hosting;
using OrleansPlans.Host.Postgres;
using OrleansPlans.Host.Telemetry;
using OrleansPlans.Input.Kafka;
using OrleansPlans.Silo;

namespace OrleansPlans.Host.Tests;

/// <summary>
/// The compose file and Kubernetes manifests cannot run on this machine, so at least every setting they pass to the
/// host must be one the host reads: a misspelt <c>Section__Key</c> would silently fall back to a default.
/// </summary>
public sealed partial class DeployConfigurationTests
{
    private static readonly Dictionary<string, Type?> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Kafka"] = typeof(KafkaInputOptions),
        ["Postgres"] = typeof(PostgresOptions),
        ["Orleans"] = typeof(SiloOptions),
        ["Api"] = typeof(ApiOptions),
        ["Telemetry"] = typeof(TelemetryOptions),
        ["Demo"] = typeof(DemoOptions),
        ["Logging"] = null, // Microsoft.Extensions.Logging's own, open-ended section
    };

    public static TheoryData<string> DeployFiles()
    {
        var deploy = Path.Combine(RepositoryRoot(), "deploy");
        var files = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(deploy, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetRelativePath(deploy, file));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(DeployFiles))]
    public void every_setting_in_the_deploy_files_is_one_the_host_reads(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", file));
        var unknown = SettingNames().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).Where(name => !IsKnown(name)).ToList();
        Assert.True(unknown.Count == 0, $"{file} sets settings the host does not read: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(DeployFiles))]
    public void every_probe_sets_a_timeout_above_the_second_the_host_answers_within(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "deploy", file));
        for (var i = 0; i < lines.Length; i++)
        {
            if (ProbeKey().Match(lines[i]) is not { Success: true } probe)
            {
                continue;
            }

            // The probe's own lines: those indented deeper than its key.
            var indent = probe.Groups["indent"].Length;
            var body = lines.Skip(i + 1).TakeWhile(l => l.Trim().Length == 0 || l.Length - l.TrimStart().Length > indent).ToList();
            var timeout = body.Select(l => TimeoutSeconds().Match(l)).FirstOrDefault(m => m.Success);
            Assert.True(timeout is not null, $"{file}: the {probe.Groups["kind"].Value} at line {i + 1} sets no timeoutSeconds (Kubernetes' default is 1 s)");
            var seconds = int.Parse(timeout.Groups["seconds"].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(seconds, 2, 5); // readiness answers within 1 s (ReadinessEndpointTests); a probe that takes 5 s is a hung process
        }
    }

    [Fact]
    public void the_compose_file_creates_every_output_topic_of_the_contract()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "compose.yaml"));

        Assert.All(Domain.Rows.OutputTables.All.Select(Domain.Rows.OutputTables.DefaultTopic), topic => Assert.Matches($@"\b{topic}\b", text));
    }

    [Fact]
    public void the_check_itself_rejects_a_misspelt_setting()
    {
        Assert.True(IsKnown("Kafka__BootstrapServers"));
        Assert.True(IsKnown("Api__OperatorKeys__0"));
        Assert.True(IsKnown("Sink__Enabled"));
        Assert.False(IsKnown("Kafka__BootstrapServer"));
        Assert.False(IsKnown("Orleans__SiloPorts"));
        Assert.False(IsKnown("Kafak__BootstrapServers"));
    }

    private static bool IsKnown(string name)
    {
        var parts = name.Split("__");
        if (parts[0].Equals("Sink", StringComparison.OrdinalIgnoreCase))
        {
            return parts is [_, "Enabled"]; // the host's switch; the sink's own options are set in code
        }

        if (!Sections.TryGetValue(parts[0], out var type))
        {
            return false;
        }

        if (type is null)
        {
            return true;
        }

        var property = type.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null || !property.CanWrite)
        {
            return false;
        }

        // Arrays and dictionaries take one more segment (an index or a key); scalars take none.
        var isCollection = property.PropertyType.IsArray || typeof(System.Collections.IDictionary).IsAssignableFrom(property.PropertyType);
        return parts.Length == 2 || (isCollection && parts.Length == 3);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrleansPlans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No OrleansPlans.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^(?<indent> *)(?<kind>startupProbe|livenessProbe|readinessProbe):\s*$")]
    private static partial Regex ProbeKey();

    [GeneratedRegex(@"^\s*timeoutSeconds:\s*(?<seconds>[0-9]+)\s*$")]
    private static partial Regex TimeoutSeconds();

    // Section__Key names (.NET's environment-variable form of Section:Key); Kafka's own KAFKA_X settings have single underscores.
    [GeneratedRegex(@"\b[A-Z][A-Za-z]+(?:__[A-Za-z0-9]+)+\b")]
    private static partial Regex SettingNames();
}
