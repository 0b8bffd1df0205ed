using System.Text;

namespace OrleansPlans.Oracle.Generation;

/// <summary>32-bit FNV-1a: stable across processes and runtimes, unlike string.GetHashCode.</summary>
internal static class StableHash
{
    public static uint Of(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }

    public static int Partition(string? key, byte[] value, int partitions) =>
        (int)((key is null ? Of(value) : Of(Encoding.UTF8.GetBytes(key))) % (uint)partitions);
}
