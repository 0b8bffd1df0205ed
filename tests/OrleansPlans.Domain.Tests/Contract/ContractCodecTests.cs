using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Tests.Support;

namespace OrleansPlans.Domain.Tests.Contract;

public sealed class ContractCodecTests
{
    [Fact]
    public void valid_membership_decodes_with_utc_time_and_ignores_unknown_fields()
    {
        var result = ContractCodec.DecodeMembership("user-7", Json.Utf8(
            """{"eventId":"m-1","type":"member_added","planId":"plan-42","userId":"user-7","occurredAt":"2026-03-01T11:30:00+02:00","extra":{"x":[1]}}"""));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(new MembershipEvent("m-1", MembershipChange.Added, "plan-42", "user-7", new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero)), result.Value);
        Assert.Equal(TimeSpan.Zero, result.Value.OccurredAt.Offset);
    }

    [Fact]
    public void valid_usage_and_merge_decode()
    {
        var usage = ContractCodec.DecodeUsage(null, Json.Usage("u-1", "user-7", "course-1", 300, "2026-03-01T10:00:00.1234567Z"));
        var merge = ContractCodec.DecodeMerge("plan-42", Json.Merge("g-1", "plan-42", "plan-7"));

        Assert.True(usage.IsValid, usage.Error);
        Assert.Equal(300, usage.Value.Seconds);
        Assert.Equal(1234567, usage.Value.OccurredAt.UtcTicks % TimeSpan.TicksPerSecond);
        Assert.True(merge.IsValid, merge.Error);
        Assert.Equal(("plan-42", "plan-7", "ops@example.com"), (merge.Value.SourcePlanId, merge.Value.TargetPlanId, merge.Value.RequestedBy));
    }

    [Theory]
    [InlineData("2026-03-01T10:00:00.123456789Z", 1234567)] // Java's Instant.toString(), Go's RFC3339Nano
    [InlineData("2026-03-01T10:00:00.12345678Z", 1234567)]
    [InlineData("2026-03-01T10:00:00.999999999Z", 9999999)] // truncated: rounding would make it 10:00:01
    [InlineData("2026-03-01T10:00:00.000000099Z", 0)]
    public void up_to_nine_fraction_digits_are_accepted_and_truncated_to_100_ns(string occurredAt, long ticksIntoSecond)
    {
        var usage = ContractCodec.DecodeUsage(null, Json.Usage("u-1", "user-7", "course-1", 300, occurredAt));

        Assert.True(usage.IsValid, usage.Error);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(ticksIntoSecond), usage.Value.OccurredAt);
    }

    [Theory]
    [InlineData("not json at all", "not a JSON object")]
    [InlineData("", "empty")]
    [InlineData("   ", "blank")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"eventId\":\"u-1\",", "not valid JSON")]
    [InlineData("{\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":5,\"occurredAt\":\"2026-03-01T10:00:00Z\"}", "field 'eventId' is missing")]
    [InlineData("{\"eventId\":null,\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":5,\"occurredAt\":\"2026-03-01T10:00:00Z\"}", "field 'eventId' is missing")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"user-7\",\"seconds\":5,\"occurredAt\":\"2026-03-01T10:00:00Z\"}", "field 'contentId' is missing")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"user-7\",\"contentId\":\"c\",\"occurredAt\":\"2026-03-01T10:00:00Z\"}", "field 'seconds' is missing")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":5}", "field 'occurredAt' is missing")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":0,\"occurredAt\":\"2026-03-01T10:00:00Z\"}", "field 'seconds' is 0")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":86401,\"occurredAt\":\"2026-03-01T10:00:00Z\"}", "field 'seconds' is 86401")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":1.5,\"occurredAt\":\"2026-03-01T10:00:00Z\"}", "field 'seconds' is not an integer")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":300.0,\"occurredAt\":\"2026-03-01T10:00:00Z\"}", "field 'seconds' is not an integer")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":3e2,\"occurredAt\":\"2026-03-01T10:00:00Z\"}", "field 'seconds' is not an integer")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":\"300\",\"occurredAt\":\"2026-03-01T10:00:00Z\"}", "field 'seconds' is not an integer")]
    [InlineData("{\"eventId\":7,\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":5,\"occurredAt\":\"2026-03-01T10:00:00Z\"}", "field 'eventId' has the wrong JSON type")]
    [InlineData("{\"eventId\":\"u 1\",\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":5,\"occurredAt\":\"2026-03-01T10:00:00Z\"}", "field 'eventId' contains 'U+0020'")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"\",\"contentId\":\"c\",\"seconds\":5,\"occurredAt\":\"2026-03-01T10:00:00Z\"}", "field 'userId' is empty")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"user/7\",\"contentId\":\"c\",\"seconds\":5,\"occurredAt\":\"2026-03-01T10:00:00Z\"}", "field 'userId' contains '/'")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":5,\"occurredAt\":\"2026-03-01T10:00:00\"}", "not an RFC 3339 timestamp")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":5,\"occurredAt\":\"2026-03-01 10:00:00Z\"}", "not an RFC 3339 timestamp")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":5,\"occurredAt\":\"2026-02-30T10:00:00Z\"}", "not a real instant")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":5,\"occurredAt\":\"yesterday\"}", "not an RFC 3339 timestamp")]
    [InlineData("{\"eventId\":\"u-1\",\"userId\":\"user-7\",\"contentId\":\"c\",\"seconds\":5,\"occurredAt\":\"2026-03-01T10:00:00.1234567891Z\"}", "not an RFC 3339 timestamp")]
    public void bad_usage_records_are_rejected_with_a_reason_naming_the_problem(string value, string reason)
    {
        var result = ContractCodec.DecodeUsage(null, Json.Utf8(value));

        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void identifiers_of_128_characters_pass_and_129_fail()
    {
        var ok = ContractCodec.DecodeUsage(null, Json.Usage("u-1", new string('a', 128), "c", 5, "2026-03-01T10:00:00Z"));
        var tooLong = ContractCodec.DecodeUsage(null, Json.Usage("u-1", new string('a', 129), "c", 5, "2026-03-01T10:00:00Z"));

        Assert.True(ok.IsValid, ok.Error);
        Assert.Contains("has 129 characters", tooLong.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void unknown_membership_type_is_rejected()
    {
        var result = ContractCodec.DecodeMembership(null, Json.Membership("m-1", "member_promoted", "p", "u", "2026-03-01T10:00:00Z"));

        Assert.Equal("field 'type' is 'member_promoted'; expected 'member_added' or 'member_removed'", result.Error);
    }

    [Fact]
    public void key_that_does_not_match_the_value_is_rejected()
    {
        var membership = ContractCodec.DecodeMembership("user-8", Json.Membership("m-1", "member_added", "p", "user-7", "2026-03-01T10:00:00Z"));
        var merge = ContractCodec.DecodeMerge("plan-x", Json.Merge("g-1", "plan-42", "plan-7"));

        Assert.Contains("record key 'user-8' does not match field 'userId'", membership.Error, StringComparison.Ordinal);
        Assert.Contains("record key 'plan-x' does not match field 'sourcePlanId'", merge.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void invalid_utf8_is_rejected_not_thrown()
    {
        byte[] value = [.. Json.Utf8("{\"eventId\":\"u-"), 0xC3, 0x28, .. Json.Utf8("\",\"userId\":\"u\"}")];

        var result = ContractCodec.DecodeUsage(null, value);

        Assert.False(result.IsValid);
        Assert.Contains("UTF-8", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void merge_without_requested_by_is_rejected()
    {
        var result = ContractCodec.DecodeMerge(null, Json.Utf8("""{"eventId":"g-1","sourcePlanId":"a","targetPlanId":"b","occurredAt":"2026-03-02T00:00:00Z"}"""));

        Assert.Equal("field 'requestedBy' is missing", result.Error);
    }

    [Fact]
    public void lower_case_t_and_z_are_accepted_as_rfc3339_allows()
    {
        var result = ContractCodec.DecodeUsage(null, Json.Usage("u-1", "user-7", "c", 5, "2026-03-01t10:00:00z"));

        Assert.True(result.IsValid, result.Error);
    }
}
