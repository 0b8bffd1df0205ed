using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace OrleansPlans.Host.Hosting;

/// <summary>
/// Reads a settings section the host composes itself from (before its container exists, so <c>ValidateOnStart</c>
/// cannot check it) and refuses to start on a bad value, every problem at once, each naming the setting as an
/// operator writes it (<c>Kafka:ConsumerGroupId</c>), never its value (it may be a secret).
/// </summary>
public static class HostSettings
{
    /// <summary>Binds section <paramref name="section"/> (defaults where absent) and validates it.</summary>
    /// <exception cref="OptionsValidationException">A setting is invalid.</exception>
    public static T Read<T>(IConfiguration configuration, string section, IValidateOptions<T> validator)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(validator);
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var result = validator.Validate(section, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(section, typeof(T), result.Failures);
        }

        return options;
    }
}
