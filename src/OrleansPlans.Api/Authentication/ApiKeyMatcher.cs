using System.Security.Cryptography;
using System.Text;

namespace OrleansPlans.Api.Authentication;

/// <summary>
/// Finds a presented key among the configured ones without leaking, through timing, how much of it matched or
/// which key it was: both sides are hashed to a fixed length, compared with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, and every configured key is compared every time.
/// </summary>
internal static class ApiKeyMatcher
{
    public static ApiKeyMatch? Match(string presented, IReadOnlyList<string> operatorKeys, IReadOnlyList<string> readKeys)
    {
        Span<byte> presentedHash = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(presented, presentedHash);
        Span<byte> candidate = stackalloc byte[SHA256.HashSizeInBytes];
        ApiKeyMatch? match = null;
        for (var i = 0; i < operatorKeys.Count; i++)
        {
            Hash(operatorKeys[i], candidate);
            if (CryptographicOperations.FixedTimeEquals(presentedHash, candidate) && match is null)
            {
                match = new ApiKeyMatch($"operator-key-{i}", IsOperator: true);
            }
        }

        for (var i = 0; i < readKeys.Count; i++)
        {
            Hash(readKeys[i], candidate);
            if (CryptographicOperations.FixedTimeEquals(presentedHash, candidate) && match is null)
            {
                match = new ApiKeyMatch($"read-key-{i}", IsOperator: false);
            }
        }

        return match;
    }

    private static void Hash(string key, Span<byte> destination) => SHA256.HashData(Encoding.UTF8.GetBytes(key), destination);
}
