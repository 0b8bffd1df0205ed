using OrleansPlans.Operations.Status;
using OrleansPlans.Operations.Versions;

namespace OrleansPlans.Cli.Tests;

/// <summary>The one naming rule of versions (<see cref="PipelineVersion"/>), as the host and the reprocess commands apply it.</summary>
public sealed class PipelineVersionTests
{
    [Fact]
    public void a_version_derives_its_own_names_from_the_configured_ones_and_the_base_version_keeps_them()
    {
        var v2 = PipelineVersion.Parse("v2");
        Assert.Equal(("orleansplans-v2", "plan-usage-hourly-v2", "analytics_v2", "v2"),
            (v2.Dashed("orleansplans"), v2.Dashed("plan-usage-hourly"), v2.DataSchema("analytics"), v2.StateNamespace));

        var baseVersion = PipelineVersion.Parse("");
        Assert.Same(PipelineVersion.Base, baseVersion);
        Assert.Equal(("orleansplans", "analytics", "analytics_base", ""),
            (baseVersion.Dashed("orleansplans"), baseVersion.DataSchema("analytics"), baseVersion.RetiredSchema("analytics"), baseVersion.StateNamespace));
        Assert.Equal(PipelineVersion.Base, PipelineVersion.Parse("base"));
    }

    [Theory]
    [InlineData("V2")]
    [InlineData("2v")]
    [InlineData("v-2")]
    [InlineData("a_version_name_too_long")]
    public void a_name_that_is_not_a_version_is_refused_with_what_is_allowed(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => PipelineVersion.Parse(name));
        Assert.Contains("1 to 20 lower-case letters, digits or '_', starting with a letter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_versions_status_reads_its_own_groups_topics_schema_and_cluster_but_the_shared_input()
    {
        var serving = new ServingState("analytics", PipelineVersion.Base, HoldsTables: true);
        var baseOptions = new PipelineStatusOptions { BootstrapServers = "127.0.0.1:9092" };
        var v2 = VersionStatusOptions.For(PipelineVersion.Parse("v2"), serving, baseOptions, "orleansplans");
        Assert.Equal(("orleansplans-v2", "orleansplans-analytics-v2", "analytics_v2", "orleansplans-v2"),
            (v2.InputConsumerGroup, v2.SinkConsumerGroup, v2.AnalyticsSchema, v2.ClusterId));
        Assert.Equal(baseOptions.InputTopics, v2.InputTopics);
        Assert.Contains("dead-letters-v2", v2.OutputTopics);
        Assert.Equal("analytics", VersionStatusOptions.For(PipelineVersion.Base, serving, baseOptions, "orleansplans").AnalyticsSchema);
        Assert.Equal("analytics_base", VersionStatusOptions.For(PipelineVersion.Base, serving with { HoldsTables = false }, baseOptions, "orleansplans").AnalyticsSchema);
    }
}
