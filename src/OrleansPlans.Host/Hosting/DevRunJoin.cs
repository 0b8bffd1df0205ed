using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OrleansPlans.DevBroker;
using OrleansPlans.Postgres.Embedded;

namespace OrleansPlans.Host.Hosting;

/// <summary>
/// <c>Dev:Join=true</c>: this process joins the dev run another host started from the same folder, instead of starting
/// a dev broker and embedded PostgreSQL of its own (which would be a second, separate pipeline, and would recreate the
/// shared database). It finds them through the files that host writes, and runs no sink and no demo unless told to: one
/// sink per pipeline is enough, and the demo's data set belongs to the first host. Give it its own ports
/// (<c>Orleans:SiloPort</c>, <c>Orleans:GatewayPort</c>, <c>Urls</c>); <c>./run.sh --silos N</c> does all of this.
/// </summary>
public static class DevRunJoin
{
    /// <summary>The setting that asks for it.</summary>
    public const string Setting = "Dev:Join";

    /// <summary>When <see cref="Setting"/> is true, fills in the bootstrap servers and the connection string the files name.</summary>
    /// <exception cref="InvalidOperationException">There is no dev run to join (a file is missing).</exception>
    public static IHostApplicationBuilder JoinDevRunIfAsked(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!configuration.GetValue(Setting, false))
        {
            return builder;
        }

        if (string.IsNullOrWhiteSpace(configuration["Kafka:BootstrapServers"]))
        {
            var file = configuration["Kafka:DevBrokerBootstrapFile"] ?? DevBrokerOptions.DefaultBootstrapFile;
            configuration["Kafka:BootstrapServers"] = KafkaBootstrap.ReadBootstrapFile(file) ?? throw NothingToJoin(file);
        }

        if (string.IsNullOrWhiteSpace(configuration["Postgres:ConnectionString"]))
        {
            var file = configuration["Postgres:ConnectionFile"] ?? ConnectionFile.DefaultPath;
            configuration["Postgres:ConnectionString"] = ConnectionFile.Read(file) ?? throw NothingToJoin(file);
        }

        configuration["Sink:Enabled"] ??= "false";
        configuration["Demo:Enabled"] ??= "false";
        Console.WriteLine($"Joining the dev run at {configuration["Kafka:BootstrapServers"]} (sink {(configuration.GetValue("Sink:Enabled", false) ? "on" : "off")})");
        return builder;
    }

    private static InvalidOperationException NothingToJoin(string file) =>
        new($"{Setting}=true, but there is no dev run to join: {Path.GetFullPath(file)} does not exist. Start the first host (./run.sh) "
            + "from this folder first, or use ./run.sh --silos N.");
}
