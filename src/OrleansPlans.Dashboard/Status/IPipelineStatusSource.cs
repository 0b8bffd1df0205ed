using OrleansPlans.Operations.Status;

namespace OrleansPlans.Dashboard.Status;

/// <summary>
/// Where <c>GET /api/v1/status</c> and the dashboard's health panel get the pipeline's health and lag. The dashboard
/// registers one over <see cref="PipelineStatusReader"/> when the host passes status options; a host (or a test) may
/// register its own before calling <c>AddOrleansPlansDashboard</c>.
/// </summary>
public interface IPipelineStatusSource
{
    /// <summary>The current status. Unreachable systems are reported in the result, not thrown.</summary>
    Task<PipelineStatus> ReadAsync(CancellationToken cancellationToken);
}
