using Microsoft.Extensions.Options;
using Npgsql;

namespace OrleansPlans.Sink.Postgres;

/// <summary>Checks at start-up that the sink has a database: a registered data source or a parsable connection string (never echoed).</summary>
internal sealed class PostgresSinkDataSourceValidator(IServiceProvider services) : IValidateOptions<PostgresSinkOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresSinkOptions options)
    {
        if (services.GetService(typeof(NpgsqlDataSource)) is not null)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("PostgresSinkOptions.ConnectionString is required when no NpgsqlDataSource is registered.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail("PostgresSinkOptions.ConnectionString is not a valid PostgreSQL connection string.");
        }
    }
}
