using System;
using Microsoft.Extensions.Options;

namespace MecCompliance.Redaction.Startup;

/// <summary>Refuses a key that would make personal-data tokens guessable or that cannot be read at all.</summary>
internal sealed class MecComplianceOptionsValidator : IValidateOptions<MecComplianceOptions>
{
    public ValidateOptionsResult Validate(string? name, MecComplianceOptions options)
    {
        if (string.IsNullOrEmpty(options.HmacKey))
        {
            // A key id without its key usually means the secret store was not read: say so rather than quietly erase.
            return options.HmacKeyId is null
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"{MecComplianceOptions.SectionName}:{nameof(MecComplianceOptions.HmacKeyId)} is set but " +
                    $"{MecComplianceOptions.SectionName}:{nameof(MecComplianceOptions.HmacKey)} is empty: the key was probably " +
                    "not loaded from its secret store. Supply the key, or remove the key id to erase personal data instead.");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(options.HmacKey);
        }
        catch (FormatException)
        {
            return ValidateOptionsResult.Fail(
                $"{MecComplianceOptions.SectionName}:{nameof(MecComplianceOptions.HmacKey)} is not valid base64. " +
                $"Set it to a random key of at least {MecComplianceOptions.MinimumHmacKeyBytes} bytes, base64-encoded " +
                "(for example the output of `openssl rand -base64 32`), or remove it to erase personal data instead.");
        }

        if (key.Length < MecComplianceOptions.MinimumHmacKeyBytes)
        {
            return ValidateOptionsResult.Fail(
                $"{MecComplianceOptions.SectionName}:{nameof(MecComplianceOptions.HmacKey)} decodes to {key.Length} bytes; " +
                $"at least {MecComplianceOptions.MinimumHmacKeyBytes} are required so tokens cannot be reversed by guessing. " +
                "Generate a new key with `openssl rand -base64 32`.");
        }

        return ValidateOptionsResult.Success;
    }
}
