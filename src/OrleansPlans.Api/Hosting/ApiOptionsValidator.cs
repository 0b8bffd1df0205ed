using Microsoft.Extensions.Options;

namespace OrleansPlans.Api.Hosting;

/// <summary>Checks <see cref="ApiOptions"/> at start-up and reports every problem at once, naming the option.</summary>
internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        CheckKeys(nameof(ApiOptions.OperatorKeys), options.OperatorKeys, failures);
        CheckKeys(nameof(ApiOptions.ReadKeys), options.ReadKeys, failures);
        if (options.RequireAuthForReads && options.OperatorKeys.Length == 0 && options.ReadKeys.Length == 0)
        {
            failures.Add("Api:RequireAuthForReads is true but neither Api:OperatorKeys nor Api:ReadKeys has a key, so nobody could read");
        }

        if (options.MaxPageSize < 1)
        {
            failures.Add($"Api:MaxPageSize is {options.MaxPageSize}; it must be at least 1");
        }

        if (options.DefaultPageSize < 1 || options.DefaultPageSize > options.MaxPageSize)
        {
            failures.Add($"Api:DefaultPageSize is {options.DefaultPageSize}; it must be from 1 to Api:MaxPageSize ({options.MaxPageSize})");
        }

        CheckRange(nameof(ApiOptions.MaxHourlyUsageRange), options.MaxHourlyUsageRange, failures);
        CheckRange(nameof(ApiOptions.MaxDailyUsageRange), options.MaxDailyUsageRange, failures);
        CheckRange(nameof(ApiOptions.MergePublishTimeout), options.MergePublishTimeout, failures);
        if (string.IsNullOrWhiteSpace(options.MergeTopic) || options.MergeTopic.Length > 249
            || !options.MergeTopic.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            failures.Add($"Api:MergeTopic is '{options.MergeTopic}'; a Kafka topic name has 1 to 249 characters of A-Z a-z 0-9 . _ -");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Messages name the key's position, never its value: keys are secrets.
    private static void CheckKeys(string option, string[] keys, List<string> failures)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(keys[i]))
            {
                failures.Add($"Api:{option}:{i} is empty");
            }
            else if (keys[i].Length < ApiOptions.MinKeyLength)
            {
                failures.Add($"Api:{option}:{i} has {keys[i].Length} characters; API keys need at least {ApiOptions.MinKeyLength}");
            }
        }
    }

    private static void CheckRange(string option, TimeSpan value, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Api:{option} is {value}; it must be positive");
        }
    }
}
