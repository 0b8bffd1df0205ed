using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Input.Kafka;
using OrleansPlans.Operations.Versions;
using OrleansPlans.Silo;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Host.Hosting;

/// <summary>
/// <c>Pipeline:Version</c>: runs this host as a version of the pipeline beside the serving one (see README,
/// "Reprocessing"). The version renames every setting that names something a deployment owns, before any section is
/// read, so the rest of the host needs no idea of versions.
/// </summary>
public static class PipelineVersionHosting
{
    /// <summary>The setting naming the version; empty (the default) is the base version.</summary>
    public const string Setting = "Pipeline:Version";

    /// <summary>Rewrites the owned names of a non-base version (<see cref="PipelineVersion"/> derives them); returns the version.</summary>
    /// <exception cref="InvalidOperationException">The version name is not valid.</exception>
    public static PipelineVersion ApplyPipelineVersion(this IHostApplicationBuilder builder)
    {
        PipelineVersion version;
        try
        {
            version = PipelineVersion.Parse(builder.Configuration[Setting]);
        }
        catch (ArgumentException error)
        {
            throw new InvalidOperationException($"{Setting}: {error.Message}", error);
        }

        if (version.IsBase)
        {
            return version;
        }

        var configuration = builder.Configuration;
        void Derive(string key, string defaultValue, Func<string, string> derive) =>
            configuration[key] = derive(string.IsNullOrWhiteSpace(configuration[key]) ? defaultValue : configuration[key]!);

        var silo = new SiloOptions();
        var kafka = new KafkaInputOptions();
        Derive("Orleans:ClusterId", silo.ClusterId, version.Dashed);
        Derive("Orleans:ServiceId", silo.ServiceId, version.Dashed);
        Derive("Kafka:ConsumerGroupId", kafka.ConsumerGroupId, version.Dashed);
        Derive("Kafka:DeadLetterTopic", kafka.DeadLetterTopic, version.Dashed);
        foreach (var table in OutputTables.All.Where(t => t != OutputTables.DeadLetters))
        {
            Derive($"Kafka:OutputTopics:{table}", OutputTables.DefaultTopic(table), version.Dashed);
        }

        Derive("Sink:ConsumerGroupId", new PostgresSinkOptions().ConsumerGroupId, version.Dashed);
        Derive("Postgres:AnalyticsSchema", AnalyticsSchema.DefaultSchema, version.DataSchema);
        configuration["StateStore:Namespace"] = version.StateNamespace;
        Console.WriteLine(
            $"Pipeline version {version}: cluster {configuration["Orleans:ClusterId"]}, input group {configuration["Kafka:ConsumerGroupId"]}, "
            + $"output topics *-{version}, tables in schema {configuration["Postgres:AnalyticsSchema"]}");
        return version;
    }
}
