using System.Diagnostics.CodeAnalysis;

namespace OrleansPlans.Domain.Contract;

/// <summary>Either a decoded value or the human-readable reason it was rejected (the dead-letter reason).</summary>
public readonly record struct DecodeResult<T>(T? Value, string? Error)
    where T : class
{
    /// <summary>True when <see cref="Value"/> holds a valid event.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Value is not null;

    /// <summary>A successful result.</summary>
    public static DecodeResult<T> Ok(T value) => new(value, null);

    /// <summary>A rejection with its reason.</summary>
    public static DecodeResult<T> Fail(string error) => new(null, error);
}
