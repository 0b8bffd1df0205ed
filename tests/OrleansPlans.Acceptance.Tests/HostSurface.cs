using System.Net;
using System.Text.Json;
using OrleansPlans.Oracle;

namespace OrleansPlans.Acceptance.Tests;

/// <summary>Checks the HTTP surface of a real silo process: its readiness probe and the service API's answers against the oracle.</summary>
internal static class HostSurface
{
    /// <summary>The readiness probe must answer 200 with the silo, Kafka, PostgreSQL and input-partition checks all healthy.</summary>
    public static async Task AssertReadyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("health/ready", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/health/ready answered {(int)response.StatusCode}: {body}");
        using var report = JsonDocument.Parse(body);
        var checks = report.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(["input-partitions", "kafka", "postgresql", "silo"], checks.Keys.Order());
        Assert.All(checks.Values, status => Assert.Equal("Healthy", status));
    }

    /// <summary>
    /// <c>GET /api/v1/plans/{id}</c> for every plan of the oracle's <c>plans</c> table: same status, same plan merged
    /// into, same member count. Returns the differences.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PlanDifferencesAsync(HttpClient http, CanonicalTables expected, CancellationToken cancellationToken)
    {
        var differences = new List<string>();
        foreach (var (planId, row) in expected[TableNames.Plans])
        {
            using var oracle = JsonDocument.Parse(row!);
            var want = (Status: oracle.RootElement.GetProperty("status").GetString(),
                MergedInto: oracle.RootElement.GetProperty("merged_into").GetString(),
                Members: oracle.RootElement.GetProperty("member_count").GetInt64());
            using var response = await http.GetAsync($"api/v1/plans/{Uri.EscapeDataString(planId)}", cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                differences.Add($"{planId}: HTTP {(int)response.StatusCode}");
                continue;
            }

            using var api = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var got = (Status: api.RootElement.GetProperty("status").GetString(),
                MergedInto: api.RootElement.GetProperty("mergedInto").GetString(),
                Members: api.RootElement.GetProperty("memberCount").GetInt64());
            if (got != want)
            {
                differences.Add($"{planId}: API {got}, oracle {want}");
            }
        }

        return differences;
    }
}
