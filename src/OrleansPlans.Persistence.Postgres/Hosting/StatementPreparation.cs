using Npgsql;

namespace OrleansPlans.Persistence.Postgres.Hosting;

/// <summary>
/// Turns on Npgsql's automatic statement preparation when the connection string does not choose: every hot statement of
/// this product (the grain-state writes and reads, the checkpoints, the sink's upserts) has one constant text over
/// <c>unnest</c>ed arrays, so a prepared statement skips PostgreSQL's parse and plan on each round trip. A profile of a
/// paced run had put PostgreSQL at a quarter of the machine's CPU, its parser and planner prominent in it.
/// </summary>
public static class StatementPreparation
{
    /// <summary>
    /// Statements prepared per connection (Npgsql's <c>Max Auto Prepare</c>; its default, 0, prepares nothing): room for
    /// every statement the product runs repeatedly, so none evicts another.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// <paramref name="connectionString"/> with <c>Max Auto Prepare</c> set to <see cref="DefaultMaxAutoPrepare"/>,
    /// unless it names a value of its own (0 turns preparation off).
    /// </summary>
    public static string WithDefault(string connectionString)
    {
        if (ConnectionStringKeywords.Names(connectionString, "MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare }.ConnectionString;
    }
}
