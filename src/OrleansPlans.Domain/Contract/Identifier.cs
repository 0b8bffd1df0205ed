namespace OrleansPlans.Domain.Contract;

/// <summary>Contract section 1: identifiers are 1 to 128 characters of <c>A-Z a-z 0-9 . _ : @ -</c>.</summary>
public static class Identifier
{
    /// <summary>The longest identifier the contract allows.</summary>
    public const int MaxLength = 128;

    /// <summary>Returns null when <paramref name="value"/> is a valid identifier, otherwise why not.</summary>
    public static string? Check(string field, string value)
    {
        if (value.Length == 0)
        {
            return $"field '{field}' is empty; identifiers have 1 to {MaxLength} characters";
        }

        if (value.Length > MaxLength)
        {
            return $"field '{field}' has {value.Length} characters; identifiers have at most {MaxLength}";
        }

        foreach (var c in value)
        {
            if (!IsAllowed(c))
            {
                return $"field '{field}' contains '{Printable(c)}'; identifiers allow only A-Z a-z 0-9 . _ : @ -";
            }
        }

        return null;
    }

    private static bool IsAllowed(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '@' or '-';

    private static string Printable(char c) => char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : c.ToString();
}
