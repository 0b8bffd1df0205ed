using System.CommandLine;
using Npgsql;
using OrleansPlans.Operations.Status;
using OrleansPlans.Operations.Versions;

namespace OrleansPlans.Cli.Commands.Reprocess;

/// <summary>
/// What every <c>reprocess</c> sub-command needs: the version argument, where Kafka and PostgreSQL are, and the base
/// deployment's names (as its hosts are configured), from which <see cref="PipelineVersion"/> derives each version's.
/// </summary>
internal sealed class ReprocessOptions
{
    private readonly CliEnvironment _environment;

    public ReprocessOptions(CliEnvironment environment)
    {
        _environment = environment;
        Version.Validators.AddSafe(result =>
        {
            if (!PipelineVersion.IsValidName(result.GetValueOrDefault<string>()))
            {
                result.AddError("VERSION must be 1 to 20 lower-case letters, digits or '_', starting with a letter (e.g. v2; 'base' is the deployment run without Pipeline:Version).");
            }
        });
    }

    public Argument<string> Version { get; } = new("version") { Description = "The version (the hosts' Pipeline:Version), e.g. v2; 'base' is the deployment run without it." };

    public Option<string?> Bootstrap { get; } = CommonOptions.Bootstrap();

    public Option<string> BootstrapFile { get; } = CommonOptions.BootstrapFile();

    public Option<string[]> KafkaConfig { get; } = CommonOptions.KafkaConfig();

    public Option<string?> Connection { get; } = CommonOptions.Connection();

    /// <summary>The schema analysts query (the base hosts' Postgres:AnalyticsSchema).</summary>
    public Option<string> Schema { get; } = CommonOptions.Schema();

    public Option<string> InputGroup { get; } = new("--input-group")
    {
        Description = "The base deployment's consumer group (its hosts' Kafka:ConsumerGroupId); a version's is GROUP-VERSION.",
        DefaultValueFactory = _ => new PipelineStatusOptions().InputConsumerGroup,
        HelpName = "GROUP",
    };

    public Option<string> SinkGroup { get; } = new("--sink-group")
    {
        Description = "The base deployment's sink group (Sink:ConsumerGroupId); a version's is GROUP-VERSION.",
        DefaultValueFactory = _ => new PipelineStatusOptions().SinkConsumerGroup,
        HelpName = "GROUP",
    };

    public Option<string> ClusterId { get; } = new("--cluster-id")
    {
        Description = "The base deployment's Orleans cluster id (Orleans:ClusterId); a version's is ID-VERSION.",
        DefaultValueFactory = _ => "orleansplans",
        HelpName = "ID",
    };

    /// <summary>Adds the argument and the options to <paramref name="command"/>.</summary>
    public Command AddTo(Command command, bool withKafka = true)
    {
        command.Arguments.Add(Version);
        if (withKafka)
        {
            command.Options.Add(Bootstrap);
            command.Options.Add(BootstrapFile);
            command.Options.Add(KafkaConfig);
        }

        foreach (var option in new Option[] { Connection, Schema, InputGroup, SinkGroup, ClusterId })
        {
            command.Options.Add(option);
        }

        return command;
    }

    public PipelineVersion VersionOf(ParseResult parsed) => PipelineVersion.Parse(parsed.GetRequiredValue(Version));

    public string ServingSchemaOf(ParseResult parsed) => parsed.GetRequiredValue(Schema);

    public NpgsqlDataSource DataSource(ParseResult parsed)
    {
        try
        {
            return NpgsqlDataSource.Create(CommonOptions.ResolveConnection(parsed, Connection, _environment));
        }
        catch (ArgumentException)
        {
            throw new CliFailure("The PostgreSQL connection string cannot be parsed.");
        }
    }

    /// <summary>The status options of <paramref name="version"/>, its names derived from the base deployment's.</summary>
    public PipelineStatusOptions StatusOptions(ParseResult parsed, PipelineVersion version, ServingState serving)
    {
        var baseOptions = new PipelineStatusOptions
        {
            BootstrapServers = CommonOptions.ResolveBootstrap(parsed, Bootstrap, BootstrapFile, _environment),
            ConnectionString = CommonOptions.ResolveConnection(parsed, Connection, _environment),
            InputConsumerGroup = parsed.GetRequiredValue(InputGroup),
            SinkConsumerGroup = parsed.GetRequiredValue(SinkGroup),
        };
        foreach (var (key, value) in CommonOptions.ResolveKafkaConfig(parsed, KafkaConfig))
        {
            baseOptions.ClientConfig[key] = value;
        }

        return VersionStatusOptions.For(version, serving, baseOptions, parsed.GetRequiredValue(ClusterId));
    }

    /// <summary>
    /// Reads <paramref name="version"/>'s status through the command's <paramref name="dataSource"/> (its one; the reader
    /// bounds its own waits), never throwing for an unreachable system.
    /// </summary>
    public async Task<PipelineStatus> ReadStatusAsync(ParseResult parsed, NpgsqlDataSource dataSource, PipelineVersion version, ServingState serving, CancellationToken cancellationToken)
    {
        PipelineStatusReader reader;
        try
        {
            reader = new PipelineStatusReader(StatusOptions(parsed, version, serving), dataSource);
        }
        catch (ArgumentException error)
        {
            throw new CliFailure(error.Message, error);
        }

        await using (reader)
        {
            return await reader.ReadAsync(cancellationToken);
        }
    }

    /// <summary>Which version serves; PostgreSQL errors become a one-line failure.</summary>
    public static async Task<ServingState> ReadServingAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        try
        {
            return await ServingSchema.ReadAsync(dataSource, schema, cancellationToken);
        }
        catch (NpgsqlException error)
        {
            throw new CliFailure($"PostgreSQL: {error.Message}", error);
        }
    }
}
