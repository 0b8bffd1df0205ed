namespace OrleansPlans.Streaming.Kafka;

/// <summary>What a decoder made of a record: an item to deliver, or the reason it cannot be.</summary>
public readonly struct KafkaDecodeResult
{
    private KafkaDecodeResult(object? item, string? streamKey, string? failureReason)
    {
        Item = item;
        StreamKey = streamKey;
        FailureReason = failureReason;
    }

    /// <summary>The decoded item (any Orleans-serializable object) when <see cref="IsSuccess"/>.</summary>
    public object? Item { get; }

    /// <summary>The stream key to deliver on instead of the record key, or null to use the record key.</summary>
    public string? StreamKey { get; }

    /// <summary>Why the record could not be decoded, when it could not.</summary>
    public string? FailureReason { get; }

    /// <summary>True when the record decoded into <see cref="Item"/>.</summary>
    public bool IsSuccess => FailureReason is null;

    /// <summary>A decoded item, delivered on the record key's stream or on <paramref name="streamKey"/> when given.</summary>
    public static KafkaDecodeResult Success(object item, string? streamKey = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item, streamKey, null);
    }

    /// <summary>A record that cannot be decoded; it goes to the dead-letter topic with <paramref name="reason"/>.</summary>
    public static KafkaDecodeResult Failure(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(null, null, reason);
    }
}
