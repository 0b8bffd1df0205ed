namespace OrleansPlans.Domain.Figures;

/// <summary>Seconds and event count of some usage.</summary>
public readonly record struct Tally(long Seconds, long Events) : ISignedSum<Tally>
{
    /// <summary>True when both counts are zero: such rows are not written.</summary>
    public bool IsZero => Seconds == 0 && Events == 0;

    /// <summary>Adds <paramref name="other"/> scaled by <paramref name="sign"/> (+1 or -1).</summary>
    public Tally Plus(Tally other, int sign) => new(Seconds + (sign * other.Seconds), Events + (sign * other.Events));
}
