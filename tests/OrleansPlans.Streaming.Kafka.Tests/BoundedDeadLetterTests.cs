using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>A dead-letter copy always fits the dead-letter topic: cut to a prefix, with the whole value's size and digest.</summary>
public sealed class BoundedDeadLetterTests
{
    private static readonly KafkaPosition Position = new("content-usage", 5, 508);
    private static readonly DateTimeOffset ReceivedAt = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void a_copy_that_fits_is_written_whole_and_unchanged()
    {
        var raw = Encoding.UTF8.GetBytes("{\"eventId\":\"u-1\"}");

        var value = BoundedDeadLetter.Value(JsonDeadLetterFormat.Instance, Position, "missing field", raw, ReceivedAt, 16 * 1024, out var truncated);

        Assert.False(truncated);
        Assert.Equal(JsonDeadLetterFormat.Instance.Value(Position, "missing field", raw, ReceivedAt), value);
    }

    [Fact]
    public void a_copy_over_the_limit_keeps_a_prefix_and_names_the_original_size_and_sha256()
    {
        var raw = RandomNumberGenerator.GetBytes(1_048_576);
        const int limit = 32 * 1024;

        var value = BoundedDeadLetter.Value(JsonDeadLetterFormat.Instance, Position, "value is not valid JSON", raw, ReceivedAt, limit, out var truncated);

        Assert.True(truncated);
        Assert.True(value.Length + Encoding.UTF8.GetByteCount(JsonDeadLetterFormat.Instance.Key(Position)) <= limit, $"{value.Length} bytes written for a {limit}-byte limit");
        using var json = JsonDocument.Parse(value);
        var root = json.RootElement;
        Assert.Equal(508, root.GetProperty("source_offset").GetInt64());
        var kept = root.GetProperty("raw_value").GetBytesFromBase64();
        Assert.True(kept.Length > limit / 2, $"only {kept.Length} bytes kept of a {limit}-byte limit");
        Assert.Equal(raw.AsSpan(0, kept.Length).ToArray(), kept);
        var reason = root.GetProperty("reason").GetString()!;
        Assert.StartsWith("value is not valid JSON [raw_value truncated", reason, StringComparison.Ordinal);
        Assert.Contains($"first {kept.Length} of 1048576 bytes", reason, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(raw)), reason, StringComparison.Ordinal);
    }

    [Fact]
    public void a_reason_too_long_to_fit_is_cut_and_a_lone_surrogate_does_not_break_the_json()
    {
        var reason = "bad: " + new string('x', 40_000) + "\ud800";

        var value = BoundedDeadLetter.Value(JsonDeadLetterFormat.Instance, Position, BoundedDeadLetter.Sanitize(reason), null, ReceivedAt, 16 * 1024, out var truncated);

        Assert.True(truncated);
        Assert.True(value.Length < 16 * 1024);
        var written = JsonDocument.Parse(value).RootElement.GetProperty("reason").GetString()!;
        Assert.Contains($"reason cut from {reason.Length} characters", written, StringComparison.Ordinal);
    }

    [Fact]
    public void without_the_raw_value_the_reason_still_names_size_and_digest()
    {
        var raw = Encoding.UTF8.GetBytes(new string('a', 5000));

        var value = BoundedDeadLetter.WithoutRawValue(JsonDeadLetterFormat.Instance, Position, "too big", raw, ReceivedAt);

        var root = JsonDocument.Parse(value).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("raw_value").ValueKind);
        Assert.Contains("5000 bytes", root.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(raw)), root.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
