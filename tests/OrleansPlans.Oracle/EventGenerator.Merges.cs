using OrleansPlans.Oracle.Generation;
using System.Text.Json.Nodes;

namespace OrleansPlans.Oracle;

/// <summary>
/// The merge script: chains built forwards and backwards (so targets are already merged), merges of
/// plans without events, repeats (no-ops), self merges, conflicts and cycles (refused). The script is
/// produced in order on one partition, so its arrival order is the order written here.
/// </summary>
public sealed partial class EventGenerator
{
    private static readonly string[] Requesters = ["ops@example.com", "Zoë Ops (billing)", "merge-bot", new string('r', 256)];

    private void AddMerges()
    {
        var script = new MergeScript(rng, Enumerable.Range(0, options.Plans).Select(PlanId).ToList(), GhostPlanId);
        var kinds = Enum.GetValues<MergeScript.Kind>();
        for (var k = 0; script.Steps.Count < options.Merges; k++)
        {
            script.Add(kinds[k % kinds.Length]);
        }

        var emitTimes = script.Steps.Take(options.Merges).Select(_ => RandomInstant(options.StartUtc, End)).Order().ToList();
        foreach (var (step, emit) in script.Steps.Take(options.Merges).Zip(emitTimes))
        {
            var body = new JsonObject
            {
                ["eventId"] = NextId("g-"),
                ["sourcePlanId"] = step.Source,
                ["targetPlanId"] = step.Target,
                ["occurredAt"] = Stamp(RandomInstant(options.StartUtc, End)),
                ["requestedBy"] = Pick(Requesters),
            };
            AddUnknownFields(body);
            Emit(Topics.Merges, KeyFor(step.Source), Bytes(body), emit, body, null, !step.Refused);
        }
    }
}
