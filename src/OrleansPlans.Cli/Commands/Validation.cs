namespace OrleansPlans.Cli.Commands;

/// <summary>Validators that stay quiet when the value could not be parsed at all (System.CommandLine reports that itself).</summary>
internal static class Validation
{
    /// <summary>Adds <paramref name="validator"/>, ignoring the exception reading an unparsable value throws.</summary>
    public static void AddSafe<TResult>(this List<Action<TResult>> validators, Action<TResult> validator) =>
        validators.Add(result =>
        {
            try
            {
                validator(result);
            }
            catch (InvalidOperationException)
            {
                // The conversion error is already a parse error of this symbol.
            }
        });
}
