namespace OrleansPlans.Postgres.Embedded;

/// <summary>The exit code and the combined stdout/stderr text of a finished process.</summary>
internal readonly record struct ProcessResult(int ExitCode, string Output);
