namespace OrleansPlans.Domain.Operations;

/// <summary>Who made an operator call, when, and from where: one line of the audit trail.</summary>
/// <param name="Caller">The authenticated identity (e.g. <c>operator-key-0</c>).</param>
/// <param name="At">When the call arrived (UTC).</param>
/// <param name="RemoteAddress">The caller's IP address, when known.</param>
/// <param name="UserAgent">The caller's <c>User-Agent</c> header, when sent.</param>
public sealed record RequestOrigin(string Caller, DateTimeOffset At, string? RemoteAddress, string? UserAgent);
