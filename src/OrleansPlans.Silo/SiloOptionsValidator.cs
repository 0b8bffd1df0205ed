using Microsoft.Extensions.Options;

namespace OrleansPlans.Silo;

/// <summary>Section <c>Orleans</c>: ids present, ports valid and distinct, an advertised address that is an IP address or a host name.</summary>
public sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = name ?? "Orleans";
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            problems.Add($"{section}:{nameof(options.ClusterId)} must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            problems.Add($"{section}:{nameof(options.ServiceId)} must not be empty.");
        }

        foreach (var (setting, port) in new[] { (nameof(options.SiloPort), options.SiloPort), (nameof(options.GatewayPort), options.GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                problems.Add($"{section}:{setting} must be a port from 1 to 65535.");
            }
        }

        if (options.SiloPort == options.GatewayPort)
        {
            problems.Add($"{section}:{nameof(options.SiloPort)} and {section}:{nameof(options.GatewayPort)} must differ.");
        }

        if (Uri.CheckHostName(options.AdvertisedAddress) == UriHostNameType.Unknown)
        {
            problems.Add($"{section}:{nameof(options.AdvertisedAddress)} must be an IP address or a host name (where other silos reach this one).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
