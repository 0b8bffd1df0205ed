using System.Data.Common;
using Confluent.Kafka;

namespace OrleansPlans.Api.Diagnostics;

/// <summary>Tells an exception caused by a system being down (an outage: retry later) from a bug (a 500).</summary>
internal static class DependencyOutage
{
    /// <summary>
    /// The system that did not answer (PostgreSQL, Kafka, the Orleans cluster), or null when the failure is no outage;
    /// inner exceptions count too (a grain call or an aggregate wraps the cause).
    /// </summary>
    public static string? Of(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // The only database here is PostgreSQL. Transient: I/O, refused connections, timeouts, a full pool; and
                // the server's own "going away" classes: 08 connection exception, 53 insufficient resources (too many
                // clients), 57P operator intervention (shutting down, starting up).
                case DbException db when db.IsTransient || db.SqlState is { } state && (state.StartsWith("08", StringComparison.Ordinal)
                    || state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal)):
                    return "PostgreSQL";
                case KafkaException:
                    return "Kafka";
                case SiloUnavailableException or OrleansMessageRejectionException or TimeoutException:
                    return "The Orleans cluster";
            }
        }

        return null;
    }
}
