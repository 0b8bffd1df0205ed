namespace OrleansPlans.Oracle.Tests;

public sealed class CanonicalTablesTests
{
    [Fact]
    public void equal_tables_have_no_differences_and_each_kind_of_difference_is_named()
    {
        var expected = Expect.Tables(
            (TableNames.Plans, RowFormat.Plan("plan-a", "active", null, 1)),
            (TableNames.Plans, RowFormat.Plan("plan-b", "active", null, 0)),
            (TableNames.DeadLetters, RowFormat.DeadLetter(Topics.Usage, 1, 7)));
        var same = Expect.Tables(
            (TableNames.DeadLetters, RowFormat.DeadLetter(Topics.Usage, 1, 7)),
            (TableNames.Plans, RowFormat.Plan("plan-b", "active", null, 0)),
            (TableNames.Plans, RowFormat.Plan("plan-a", "active", null, 1)));
        var actual = Expect.Tables(
            (TableNames.Plans, RowFormat.Plan("plan-a", "active", null, 2)),
            (TableNames.Plans, RowFormat.Plan("plan-c", "active", null, 0)),
            (TableNames.DeadLetters, RowFormat.DeadLetter(Topics.Usage, 1, 7)));

        Assert.Equal("", expected.DescribeDifferences(same));
        var report = expected.DescribeDifferences(actual);
        Assert.StartsWith("3 differing row(s):", report, StringComparison.Ordinal);
        Assert.Contains("plans [plan-a] differs", report, StringComparison.Ordinal);
        Assert.Contains("\"member_count\":1}", report, StringComparison.Ordinal);
        Assert.Contains("\"member_count\":2}", report, StringComparison.Ordinal);
        Assert.Contains("plans [plan-b] missing", report, StringComparison.Ordinal);
        Assert.Contains("plans [plan-c] extra", report, StringComparison.Ordinal);
        Assert.Contains("first 1:", expected.DescribeDifferences(actual, max: 1), StringComparison.Ordinal);
    }

    [Fact]
    public void a_second_row_with_the_same_key_is_rejected()
    {
        var tables = CanonicalTables.Empty();
        tables.Add(TableNames.Plans, RowFormat.Plan("plan-a", "active", null, 1));

        Assert.Throws<InvalidOperationException>(() => tables.Add(TableNames.Plans, RowFormat.Plan("plan-a", "merged", "plan-b", 0)));
        Assert.Throws<ArgumentException>(() => tables.Add("no_such_table", "k", "v"));
    }
}
