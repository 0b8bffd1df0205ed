namespace OrleansPlans.Domain.Plans;

/// <summary>A ledger whose rows are captured by the write that stores them and published only once it succeeded.</summary>
public interface ICapturesRows
{
    /// <summary>A write is serializing the ledger now: take the rows of every change since the last capture, as written.</summary>
    void CaptureForWrite();

    /// <summary>The write that last captured rows succeeded: they may be published.</summary>
    void WriteSucceeded();

    /// <summary>The write that last captured rows failed: their changes are pending again, for the next write.</summary>
    void WriteFailed();
}
