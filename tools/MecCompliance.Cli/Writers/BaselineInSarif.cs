using System.Text.Json.Nodes;
using MecCompliance.Cli.Report;

namespace MecCompliance.Cli.Writers;

/// <summary>
/// How the baseline shows in SARIF 2.1.0: every finding carries its fingerprint as a partial fingerprint (code-scanning
/// services track results by it across moved lines), and a baselined one an external suppression with its justification,
/// as the compiler's own SARIF log shows the suppressor's.
/// </summary>
internal static class BaselineInSarif
{
    public const string FingerprintKey = "mecFingerprint/v1";

    public static void Annotate(JsonObject result, Finding finding)
    {
        if (finding.Fingerprint is { } fingerprint)
        {
            result["partialFingerprints"] = new JsonObject { [FingerprintKey] = fingerprint.ToString() };
        }

        if (finding.Baselined)
        {
            result["suppressions"] = new JsonArray(new JsonObject
            {
                ["kind"] = "external",
                ["status"] = "accepted",
                ["justification"] = finding.Justification ?? "Recorded in mec-baseline.json when MecCompliance was adopted.",
            });
        }
    }
}
