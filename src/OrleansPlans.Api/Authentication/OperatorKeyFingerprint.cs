using System.Security.Cryptography;
using System.Text;

namespace OrleansPlans.Api.Authentication;

/// <summary>
/// What the sign-in cookie remembers of the operator key it was issued for: its SHA-256, never the key. Every request
/// with the cookie checks it against the keys configured now, so removing a key from <c>Api:OperatorKeys</c> ends
/// the sign-ins made with it at once instead of when their cookies expire.
/// </summary>
internal static class OperatorKeyFingerprint
{
    /// <summary>The claim type that carries the fingerprint in the cookie's (encrypted) ticket.</summary>
    public const string ClaimType = "orleansplans:operator-key-sha256";

    public static string Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether <paramref name="fingerprint"/> is one of <paramref name="operatorKeys"/>'; every key is compared, in constant time.</summary>
    public static bool IsCurrent(string fingerprint, IReadOnlyList<string> operatorKeys)
    {
        var presented = Encoding.ASCII.GetBytes(fingerprint);
        var current = false;
        foreach (var key in operatorKeys)
        {
            current |= CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(Of(key)));
        }

        return current;
    }
}
