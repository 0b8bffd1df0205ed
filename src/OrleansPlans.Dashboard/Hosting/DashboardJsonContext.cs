using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansPlans.Dashboard.Responses;

namespace OrleansPlans.Dashboard.Hosting;

/// <summary>Source-generated JSON for the dashboard's answers (camelCase, like the rest of the API).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PagedResponse<PlanSummaryResponse>))]
[JsonSerializable(typeof(PagedResponse<MergeHistoryResponse>))]
[JsonSerializable(typeof(PagedResponse<DeadLetterResponse>))]
[JsonSerializable(typeof(DailyUsageResponse))]
[JsonSerializable(typeof(MonthlyUsageResponse))]
[JsonSerializable(typeof(PlanMembersPageResponse))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
