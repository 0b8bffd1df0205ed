using System.CommandLine;
using OrleansPlans.Cli.Replaying;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Cli.Commands;

/// <summary><c>orleansplans replay</c>: rebuilds the analytics tables from the compacted output topics.</summary>
internal static class ReplayCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var bootstrap = CommonOptions.Bootstrap();
        var bootstrapFile = CommonOptions.BootstrapFile();
        var kafkaConfig = CommonOptions.KafkaConfig();
        var connection = CommonOptions.Connection();
        var schema = CommonOptions.Schema();
        var sinkGroup = new Option<string>("--sink-group")
        {
            Description = "The sink's consumer group whose stored offsets are reset (the hosts' sinks use the default).",
            DefaultValueFactory = _ => new PostgresSinkOptions().ConsumerGroupId,
            HelpName = "GROUP",
        };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "The longest the rebuild may take before the command gives up (the tables then stay partly rebuilt; a sink finishes them).",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(30),
            HelpName = "HH:MM:SS",
        };
        timeout.Validators.AddSafe(r =>
        {
            if (r.GetValueOrDefault<TimeSpan>() <= TimeSpan.Zero)
            {
                r.AddError("--timeout must be more than zero.");
            }
        });
        var yes = new Option<bool>("--yes") { Description = "Confirm that the analytics tables may be emptied and rebuilt (required)." };
        var command = new Command("replay",
            "Rewind the projection: empty the analytics tables and reset the sink's offsets to the earliest (one transaction), " +
            "then rebuild the tables from the compacted output topics, with progress. Safe while hosts' sinks run: they take the " +
            "same lock and are fenced by the moved offsets.")
        {
            bootstrap, bootstrapFile, kafkaConfig, connection, schema, sinkGroup, timeout, yes,
        };
        command.Validators.AddSafe(result =>
        {
            if (!result.GetValue(yes))
            {
                result.AddError("replay empties the analytics tables before rebuilding them: pass --yes to confirm.");
            }
        });

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var options = new PostgresSinkOptions
            {
                BootstrapServers = CommonOptions.ResolveBootstrap(parsed, bootstrap, bootstrapFile, environment),
                Schema = parsed.GetRequiredValue(schema),
                ConsumerGroupId = parsed.GetRequiredValue(sinkGroup),
                ApplyMigrationsOnStart = false,
                PollTimeout = TimeSpan.FromMilliseconds(100),
            };
            foreach (var (key, value) in CommonOptions.ResolveKafkaConfig(parsed, kafkaConfig))
            {
                options.ClientConfig[key] = value;
            }

            var replay = new ProjectionReplay(CommonOptions.ResolveConnection(parsed, connection, environment), options, environment);
            await replay.RunAsync(parsed.GetValue(timeout), cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
