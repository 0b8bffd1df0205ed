using System.Security.Cryptography;
using System.Text;

namespace OrleansPlans.Postgres.Migrations;

/// <summary>One numbered, forward-only schema change: a SQL script applied once, in its own transaction.</summary>
/// <param name="Version">The script's number (the NNNN of NNNN_name.sql); versions apply in ascending order.</param>
/// <param name="Name">The descriptive part of the file name, recorded in the history.</param>
/// <param name="Sql">The script text.</param>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>
    /// SHA-256 of the script (line endings normalized), recorded when applied; a different checksum for an
    /// applied version later means the script was edited after release, which the migrator refuses.
    /// </summary>
    /// <remarks>Computed from <see cref="Sql"/> on each read, so a copy made with <c>with</c> gets its own.</remarks>
    public string Checksum => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
