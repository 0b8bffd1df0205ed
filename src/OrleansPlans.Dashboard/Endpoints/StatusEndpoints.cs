using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansPlans.Dashboard.Status;
using OrleansPlans.Operations.Status;

namespace OrleansPlans.Dashboard.Endpoints;

/// <summary>Handler of <c>/api/v1/status</c>: the pipeline's health and lag.</summary>
internal static class StatusEndpoints
{
    public static async Task<Results<Ok<PipelineStatus>, ProblemHttpResult>> GetStatusAsync(
        [FromServices] IPipelineStatusSource? source, [FromServices] IStuckPartitionSource? stuck, CancellationToken cancellationToken)
    {
        if (source is null)
        {
            return TypedResults.Problem(
                detail: "This host reads no pipeline status: it passed no status options to AddOrleansPlansDashboard and registered no IPipelineStatusSource.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Pipeline status not configured");
        }

        // 200 even when PostgreSQL or Kafka is down: the body says which part could not be read (postgres.reachable,
        // kafka.reachable with the error) and still shows the rest. An operator opens the status precisely during an
        // outage; a 503 would hide what still works. Probes that must fail go to /health/ready instead.
        // Only the silo knows which of its partitions are stuck; the shared snapshot cannot, so they are added per answer.
        var status = await source.ReadAsync(cancellationToken);
        return TypedResults.Ok(stuck is null ? status : status with { StuckPartitions = stuck.Current });
    }
}
