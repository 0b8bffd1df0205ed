namespace OrleansPlans.Domain.Figures;

/// <summary>A plan's usage over one day or one calendar month, with the number of distinct active users in it.</summary>
public readonly record struct DayTally(long Seconds, long Events, long ActiveUsers) : ISignedSum<DayTally>
{
    /// <summary>True when every count is zero.</summary>
    public bool IsZero => Seconds == 0 && Events == 0 && ActiveUsers == 0;

    /// <summary>Adds <paramref name="other"/> scaled by <paramref name="sign"/> (+1 or -1).</summary>
    public DayTally Plus(DayTally other, int sign) =>
        new(Seconds + (sign * other.Seconds), Events + (sign * other.Events), ActiveUsers + (sign * other.ActiveUsers));
}
