namespace OrleansPlans.Domain.Figures;

/// <summary>A count that adds with a sign and knows when it is zero, so totals of any kind add and prune alike.</summary>
public interface ISignedSum<T>
    where T : struct, ISignedSum<T>
{
    /// <summary>True when every count is zero: such entries are removed.</summary>
    bool IsZero { get; }

    /// <summary>Adds <paramref name="other"/> scaled by <paramref name="sign"/> (+1 or -1).</summary>
    T Plus(T other, int sign);
}
