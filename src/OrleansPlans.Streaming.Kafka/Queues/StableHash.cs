namespace OrleansPlans.Streaming.Kafka;

/// <summary>FNV-1a over UTF-16 chars: identical on every process, unlike <see cref="string.GetHashCode()"/>.</summary>
internal static class StableHash
{
    public static int Of(string value)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in value)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)hash;
        }
    }
}
