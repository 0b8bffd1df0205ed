using System.CommandLine;
using OrleansPlans.DevBroker;

namespace OrleansPlans.Cli.Commands;

/// <summary><c>orleansplans dev-broker</c>: runs librdkafka's mock cluster with the contract's topics until Ctrl+C.</summary>
internal static class DevBrokerCommand
{
    private const int Brokers = 3;

    public static Command Create(CliEnvironment environment)
    {
        var port = new Option<int>("--port")
        {
            Description = $"First of {Brokers} fixed loopback ports, one per broker.",
            DefaultValueFactory = _ => 19092,
            HelpName = "PORT",
        };
        port.Validators.AddSafe(r =>
        {
            var value = r.GetValueOrDefault<int>();
            if (value is < 1 or > 65535 - Brokers + 1)
            {
                r.AddError($"--port must be from 1 to {65535 - Brokers + 1} (it and the next {Brokers - 1} ports are used), but is {value}.");
            }
        });
        var partitions = PartitionsOption("--partitions", 16,
            $"Partitions of {ContractTopics.Membership} and {ContractTopics.Usage} ({ContractTopics.Merges} has 1: merges are decided in arrival order).");
        var outputPartitions = PartitionsOption("--output-partitions", DevBrokerOptions.DefaultOutputPartitions,
            "Partitions of each output topic and of the dead-letter topic (few: the dev broker's fetches walk a partition's whole log).");
        var bootstrapFile = new Option<string>("--bootstrap-file")
        {
            Description = "Where the bootstrap address is written while the broker runs (other commands and the main job read it).",
            DefaultValueFactory = _ => DevBrokerOptions.DefaultBootstrapFile,
            HelpName = "PATH",
        };
        var command = new Command("dev-broker", "Run a local Kafka (librdkafka's in-memory mock cluster) with the contract's input and output topics until Ctrl+C.")
        {
            port, partitions, outputPartitions, bootstrapFile,
        };

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var options = new DevBrokerOptions
            {
                BrokerCount = Brokers,
                FixedBasePort = parsed.GetValue(port),
                DefaultPartitions = parsed.GetValue(partitions),
                BootstrapFile = Path.GetFullPath(parsed.GetRequiredValue(bootstrapFile)),
                Topics = [ContractTopics.Membership, ContractTopics.Usage],
            };
            var outputs = parsed.GetValue(outputPartitions);
            try
            {
                await DevBrokerRunner.RunUntilCancelledAsync(options, environment.Out, cancellationToken, cluster =>
                {
                    // Outputs first: a client that sees the merges topic sees every topic.
                    cluster.CreateTopics(ContractTopics.Outputs, outputs);
                    cluster.CreateTopic(ContractTopics.Merges, partitions: 1);
                    environment.Out.WriteLine($"Topic {ContractTopics.Merges}: 1 partition");
                    environment.Out.WriteLine($"Output and dead-letter topics: {outputs} partitions each");
                    environment.Out.Flush();
                });
            }
            catch (InvalidOperationException error)
            {
                throw new CliFailure(error.Message, error);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<int> PartitionsOption(string name, int defaultValue, string description)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = "N" };
        option.Validators.AddSafe(r =>
        {
            var value = r.GetValueOrDefault<int>();
            if (value is < 1 or > DevBrokerOptions.MaxPartitions)
            {
                r.AddError($"{name} must be from 1 to {DevBrokerOptions.MaxPartitions}, but is {value}.");
            }
        });
        return option;
    }
}
