using System.Text.Json.Serialization;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Figures;
using OrleansPlans.Domain.Merges;
using OrleansPlans.Domain.Operations;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Users;

namespace OrleansPlans.Domain.Serialization;

/// <summary>
/// Source-generated JSON metadata for every domain type that is persisted or crosses a process boundary. The domain
/// stays free of Orleans attributes; hosts plug this context into their serializer and state storage.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MembershipEvent))]
[JsonSerializable(typeof(UsageEvent))]
[JsonSerializable(typeof(MergeEvent))]
[JsonSerializable(typeof(MergeRequest))]
[JsonSerializable(typeof(SourcePosition))]
[JsonSerializable(typeof(UserTimeline))]
[JsonSerializable(typeof(UserTimelineHeader))]
[JsonSerializable(typeof(List<UsageEvent>))]
[JsonSerializable(typeof(PlanLedger))]
[JsonSerializable(typeof(PlanLedgerHeader))]
[JsonSerializable(typeof(UnattributedLedger))]
[JsonSerializable(typeof(MergeForest))]
[JsonSerializable(typeof(MergeDecision))]
[JsonSerializable(typeof(PlanFigures))]
[JsonSerializable(typeof(PlanHandOff))]
[JsonSerializable(typeof(PlanResolution))]
[JsonSerializable(typeof(Registration))]
[JsonSerializable(typeof(MergeMove))]
[JsonSerializable(typeof(Dictionary<string, PlanResolution>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, PlanResolution>))]
[JsonSerializable(typeof(AbsorbPreview))]
[JsonSerializable(typeof(UserDelta))]
[JsonSerializable(typeof(MergePreview))]
[JsonSerializable(typeof(MergeRequestRecord))]
[JsonSerializable(typeof(MergeRequestAdmission))]
[JsonSerializable(typeof(OperatorMergeRequest))]
[JsonSerializable(typeof(RequestOrigin))]
[JsonSerializable(typeof(MergeAuditLog))]
[JsonSerializable(typeof(PlanUsageHourlyRow))]
[JsonSerializable(typeof(PlanUsageDailyRow))]
[JsonSerializable(typeof(PlanUsageMonthlyRow))]
[JsonSerializable(typeof(PlanContentUsageRow))]
[JsonSerializable(typeof(PlanMemberRow))]
[JsonSerializable(typeof(PlanRow))]
[JsonSerializable(typeof(UnattributedUsageDailyRow))]
[JsonSerializable(typeof(DeadLetterRow))]
[JsonSerializable(typeof(PlanDeltaMessage))]
[JsonSerializable(typeof(UnattributedDeltaMessage))]
[JsonSerializable(typeof(Tally))]
[JsonSerializable(typeof(OutputRow))]
[JsonSerializable(typeof(RowChange))]
[JsonSerializable(typeof(List<OutputRow>))]
[JsonSerializable(typeof(List<RowChange>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<OutputRow>))]
[JsonSerializable(typeof(IReadOnlyList<RowChange>))]
public sealed partial class DomainJsonContext : JsonSerializerContext;
