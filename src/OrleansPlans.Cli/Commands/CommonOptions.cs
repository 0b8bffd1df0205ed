using System.CommandLine;
using OrleansPlans.DevBroker;
using OrleansPlans.Postgres.Embedded;

namespace OrleansPlans.Cli.Commands;

/// <summary>Options several commands share, and how their defaults are resolved.</summary>
internal static class CommonOptions
{
    /// <summary>The environment variable with a PostgreSQL connection string.</summary>
    public const string PostgresVariable = "ORLEANSPLANS_POSTGRES";

    /// <summary>The environment variable with the base address of the host's HTTP API.</summary>
    public const string ApiVariable = "ORLEANSPLANS_API";

    /// <summary>The environment variable with the operator's API key.</summary>
    public const string ApiKeyVariable = "ORLEANSPLANS_API_KEY";

    /// <summary>The main job's embedded PostgreSQL (see the host's Postgres options: port 15432, database orleansplans, trust auth).</summary>
    public const string EmbeddedConnectionString = "Host=127.0.0.1;Port=15432;Username=postgres;Database=orleansplans";

    /// <summary>The host's API address when neither --api nor ORLEANSPLANS_API is given.</summary>
    public const string DefaultApi = "http://127.0.0.1:8080";

    public static Option<string?> Bootstrap() => new("--bootstrap")
    {
        Description = $"Kafka bootstrap.servers. Default: ${KafkaBootstrap.EnvironmentVariable}, else the address the dev broker wrote to --bootstrap-file.",
        HelpName = "HOST:PORT,...",
    };

    public static Option<string> BootstrapFile() => new("--bootstrap-file")
    {
        Description = "Where a running dev broker (or the main job's embedded one) wrote its address.",
        DefaultValueFactory = _ => DevBrokerOptions.DefaultBootstrapFile,
        HelpName = "PATH",
    };

    public static Option<string[]> KafkaConfig()
    {
        var option = new Option<string[]>("--kafka-config")
        {
            Description = "An extra librdkafka client setting as KEY=VALUE (SASL, TLS, ...); repeat for several. Never printed.",
            HelpName = "KEY=VALUE",
            DefaultValueFactory = _ => [],
        };
        option.Validators.AddSafe(result =>
        {
            foreach (var setting in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (setting.IndexOf('=', StringComparison.Ordinal) <= 0)
                {
                    result.AddError($"--kafka-config takes KEY=VALUE, but got a value without '=' or without a key.");
                }
            }
        });
        return option;
    }

    public static Option<string?> Connection() => new("--connection")
    {
        // No DefaultValueFactory: help would print the resolved value, and a connection string may hold a password.
        Description = $"PostgreSQL connection string. Default: ${PostgresVariable}, else the one a running dev job wrote to {ConnectionFile.DefaultPath}, "
            + $"else the main job's embedded server ({EmbeddedConnectionString}).",
        HelpName = "CONNECTION-STRING",
    };

    public static Option<string?> Api() => new("--api")
    {
        Description = $"Base address of the host's HTTP API. Default: ${ApiVariable}, else {DefaultApi}.",
        HelpName = "URL",
    };

    public static Option<string?> ApiKey() => new("--api-key")
    {
        Description = $"The operator API key, sent as X-Api-Key. Default: ${ApiKeyVariable}. Never printed.",
        HelpName = "KEY",
    };

    public static Option<string> Schema()
    {
        var option = new Option<string>("--schema")
        {
            Description = "Schema of the analytics tables.",
            DefaultValueFactory = _ => Sink.Postgres.AnalyticsSchema.DefaultSchema,
            HelpName = "NAME",
        };
        option.Validators.AddSafe(result =>
        {
            if (!Sink.Postgres.AnalyticsSchema.IsValidSchemaName(result.GetValueOrDefault<string>()))
            {
                result.AddError("--schema must be 1 to 63 lower-case letters, digits or '_', not starting with a digit.");
            }
        });
        return option;
    }

    /// <summary>--bootstrap, else the environment variable, else the dev broker's file; a failure naming all three otherwise.</summary>
    public static string ResolveBootstrap(ParseResult parsed, Option<string?> bootstrap, Option<string> file, CliEnvironment environment)
    {
        if (parsed.GetValue(bootstrap) is { } given && !string.IsNullOrWhiteSpace(given))
        {
            return given.Trim();
        }

        if (KafkaBootstrap.Resolve(environment.GetEnvironmentVariable) is { } fromEnvironment)
        {
            return fromEnvironment;
        }

        var path = parsed.GetValue(file) ?? DevBrokerOptions.DefaultBootstrapFile;
        return KafkaBootstrap.ReadBootstrapFile(path)
            ?? throw new CliFailure(
                $"No Kafka cluster given: pass --bootstrap, set {KafkaBootstrap.EnvironmentVariable}, or start a dev broker " +
                $"(orleansplans dev-broker, or the main job) so that {Path.GetFullPath(path)} exists.");
    }

    public static IReadOnlyDictionary<string, string> ResolveKafkaConfig(ParseResult parsed, Option<string[]> option) =>
        (parsed.GetValue(option) ?? []).Select(s => s.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1], StringComparer.Ordinal);

    /// <summary>
    /// --connection, else the environment variable, else the running dev job's embedded server as its file names it (its
    /// port may not be the default: Postgres:Port), else the default embedded server.
    /// </summary>
    public static string ResolveConnection(ParseResult parsed, Option<string?> connection, CliEnvironment environment) =>
        NonBlank(parsed.GetValue(connection)) ?? NonBlank(environment.GetEnvironmentVariable(PostgresVariable))
        ?? ConnectionFile.Read() ?? EmbeddedConnectionString;

    public static Uri ResolveApi(ParseResult parsed, Option<string?> api, CliEnvironment environment)
    {
        var text = NonBlank(parsed.GetValue(api)) ?? NonBlank(environment.GetEnvironmentVariable(ApiVariable)) ?? DefaultApi;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliFailure($"The API address '{text}' is not an absolute http:// or https:// URL.");
        }

        return uri;
    }

    public static string? ResolveApiKey(ParseResult parsed, Option<string?> apiKey, CliEnvironment environment) =>
        NonBlank(parsed.GetValue(apiKey)) ?? NonBlank(environment.GetEnvironmentVariable(ApiKeyVariable));

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
