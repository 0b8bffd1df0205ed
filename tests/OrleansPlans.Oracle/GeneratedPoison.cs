namespace OrleansPlans.Oracle;

/// <summary>A record the generator made invalid on purpose, and how.</summary>
/// <param name="Kind">What is wrong, e.g. <c>usage/seconds-300.0</c> or <c>any/not-utf8</c>.</param>
/// <param name="Record">The record as generated (with its position).</param>
public sealed record GeneratedPoison(string Kind, RawRecord Record);
