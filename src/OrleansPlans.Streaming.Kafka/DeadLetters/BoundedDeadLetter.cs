using System.Security.Cryptography;
using System.Text;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// Fits a dead-letter record under the dead-letter topic's message limit. A copy the broker refuses would leave its
/// record neither processed nor dead-lettered, and the partition would stall behind it; so a value too big to copy
/// whole is cut, and the reason says so with the original size and the SHA-256 of the whole value (the format stays
/// the same).
/// </summary>
internal static class BoundedDeadLetter
{
    /// <summary>Room kept under the limit for Kafka's per-record framing (the key is counted on its own).</summary>
    private const int RecordOverheadBytes = 512;

    /// <summary>The longest reason kept when the record does not fit; a decoder may quote a whole record in its reason.</summary>
    private const int MaxReasonChars = 1000;

    /// <summary>The record's value: the whole copy when it fits in <paramref name="maxMessageBytes"/>, else a bounded one.</summary>
    public static byte[] Value(IKafkaDeadLetterFormat format, KafkaPosition position, string reason, byte[]? rawValue, DateTimeOffset receivedAt, int maxMessageBytes, out bool truncated)
    {
        var budget = ValueBudget(format, position, maxMessageBytes);
        var whole = format.Value(position, reason, rawValue, receivedAt);
        truncated = whole.Length > budget;
        if (!truncated)
        {
            return whole;
        }

        var clipped = Clip(reason);
        if (rawValue is null)
        {
            return format.Value(position, clipped, null, receivedAt);
        }

        var digest = Digest(rawValue);
        var envelope = format.Value(position, TruncatedReason(clipped, rawValue.Length, rawValue.Length, digest), [], receivedAt).Length;

        // Base64 writes 4 bytes for every 3 kept.
        var kept = Math.Clamp((budget - envelope) / 4 * 3, 0, rawValue.Length);
        return format.Value(position, TruncatedReason(clipped, kept, rawValue.Length, digest), rawValue[..kept], receivedAt);
    }

    /// <summary>The value with no raw bytes at all, for a dead-letter topic whose own limit is below the configured one.</summary>
    public static byte[] WithoutRawValue(IKafkaDeadLetterFormat format, KafkaPosition position, string reason, byte[]? rawValue, DateTimeOffset receivedAt)
    {
        var note = rawValue is null
            ? ""
            : $" [raw_value omitted: the dead-letter topic refused a bounded copy; the whole value was {rawValue.Length} bytes, sha256 {Digest(rawValue)}]";
        return format.Value(position, Clip(reason) + note, null, receivedAt);
    }

    /// <summary>A reason the JSON writer accepts whatever it holds: lone surrogates become U+FFFD.</summary>
    public static string Sanitize(string reason) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(reason));

    internal static string TruncatedReason(string reason, int kept, int size, string digest) =>
        $"{reason} [raw_value truncated to its first {kept} of {size} bytes to fit the dead-letter topic; sha256 of the whole value {digest}]";

    internal static string Digest(byte[] value) => Convert.ToHexStringLower(SHA256.HashData(value));

    private static int ValueBudget(IKafkaDeadLetterFormat format, KafkaPosition position, int maxMessageBytes) =>
        maxMessageBytes - Encoding.UTF8.GetByteCount(format.Key(position)) - RecordOverheadBytes;

    /// <summary>The reason cut to <see cref="MaxReasonChars"/> characters (saying so) when it is longer: for the record and the log.</summary>
    internal static string Clip(string reason)
    {
        if (reason.Length <= MaxReasonChars)
        {
            return reason;
        }

        var cut = char.IsHighSurrogate(reason[MaxReasonChars - 1]) ? MaxReasonChars - 1 : MaxReasonChars;
        return $"{reason[..cut]}… (reason cut from {reason.Length} characters)";
    }
}
