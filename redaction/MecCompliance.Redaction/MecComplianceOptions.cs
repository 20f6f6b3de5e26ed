namespace MecCompliance.Redaction;

/// <summary>
/// Settings of the MEC run-time enforcement, bound from the configuration section <see cref="SectionName"/>
/// (<c>"MecCompliance"</c>) and from the delegate given to <c>AddMecCompliance</c>.
/// </summary>
public sealed class MecComplianceOptions
{
    /// <summary>The configuration section read by <c>AddMecCompliance</c>: <c>"MecCompliance"</c>.</summary>
    public const string SectionName = "MecCompliance";

    /// <summary>The shortest accepted HMAC key, in bytes (the 44 base64 characters that <c>HmacRedactor</c> demands).</summary>
    public const int MinimumHmacKeyBytes = 32;

    /// <summary>
    /// The base64 key that makes <see cref="MecTaxonomy.PersonalData"/> values into keyed HMAC-SHA256 tokens (the format
    /// of <c>Microsoft.Extensions.Compliance.Redaction</c>'s <c>HmacRedactor</c>), so that a person's records stay
    /// correlatable in logs without revealing the value. At least <see cref="MinimumHmacKeyBytes"/> bytes once decoded.
    /// When <see langword="null"/> or empty, personal data is erased instead.
    /// </summary>
    /// <remarks>Keep the key out of source control: supply it from a secret store through configuration.</remarks>
    public string? HmacKey { get; set; }

    /// <summary>
    /// Identifies <see cref="HmacKey"/>: written before every token, so tokens made with different keys are never
    /// mistaken for the same value. Use a new id whenever the key is rotated. A key id without a key fails start-up: it
    /// usually means the key was not loaded from its secret store.
    /// </summary>
    public int? HmacKeyId { get; set; }

    /// <summary>
    /// Whether the start-up check proves that the logging pipeline redacts (by logging a classified probe value through
    /// the container's <c>ILoggerFactory</c>). Default <see langword="true"/>; turn it off only where another check
    /// already proves it.
    /// </summary>
    public bool VerifyLoggingPipeline { get; set; } = true;
}
