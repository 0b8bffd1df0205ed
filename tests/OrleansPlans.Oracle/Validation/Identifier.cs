namespace OrleansPlans.Oracle.Validation;

/// <summary>Contract identifiers: 1 to 128 characters of <c>A-Z a-z 0-9 . _ : @ -</c>.</summary>
internal static class Identifier
{
    public const int MaxLength = 128;

    public static bool IsValid(string value) =>
        value.Length is >= 1 and <= MaxLength && value.All(IsAllowed);

    private static bool IsAllowed(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or ':' or '@' or '-';
}
