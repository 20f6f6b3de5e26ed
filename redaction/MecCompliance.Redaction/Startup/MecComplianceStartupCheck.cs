using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MecCompliance.Redaction.Startup;

/// <summary>
/// Proves at start-up that classified values cannot leave in clear text: every MEC class, every combination and every
/// foreign classification gets a redactor that changes the value, and the container's <see cref="ILoggerFactory"/>
/// really passes a classified parameter through redaction. Any failure names the misconfiguration and its remedy.
/// </summary>
internal sealed class MecComplianceStartupCheck(IServiceProvider services)
{
    private const string TelemetryFactoryName = "Microsoft.Extensions.Logging.ExtendedLoggerFactory";

    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>();
        var options = services.GetRequiredService<IOptions<MecComplianceOptions>>().Value;
        var secret = "mec-probe-" + Guid.NewGuid().ToString("N");

        CheckRedactors(secret, problems);
        if (options.VerifyLoggingPipeline)
        {
            CheckLoggingPipeline(secret, problems);
            if (Assembly.GetEntryAssembly() is { } entry)
            {
                problems.AddRange(StockLoggingGeneratorCheck.FindProblems(entry));
            }
        }

        return problems;
    }

    private void CheckRedactors(string secret, List<string> problems)
    {
        var provider = services.GetService<IRedactorProvider>();
        if (provider is null)
        {
            problems.Add("No IRedactorProvider is registered, so nothing can redact classified values. " +
                "Call services.AddMecCompliance() (it registers the redactors and enables redaction for logging).");
            return;
        }

        var foreign = new DataClassification("MecCompliance.Probe", "Unlisted");
        var mustChange = new (string Name, DataClassificationSet Set)[]
        {
            ("MEC:PatronRecord", new DataClassificationSet(MecTaxonomy.PatronRecord)),
            ("MEC:PersonalData", new DataClassificationSet(MecTaxonomy.PersonalData)),
            ("MEC:PatronRecord + MEC:PersonalData", new DataClassificationSet(MecTaxonomy.PatronRecord, MecTaxonomy.PersonalData)),
            ("MEC:OrganizationalData + MEC:PersonalData", new DataClassificationSet(MecTaxonomy.OrganizationalData, MecTaxonomy.PersonalData)),
            ("an unlisted classification (another taxonomy)", new DataClassificationSet(foreign)),
        };

        foreach (var (name, set) in mustChange)
        {
            var redactor = provider.GetRedactor(set);
            var output = redactor.Redact(secret);
            if (output.Contains(secret, StringComparison.Ordinal))
            {
                problems.Add(string.Format(
                    CultureInfo.InvariantCulture,
                    "The redactor for {0} is {1}, which returns the value unchanged, so such values would be logged in clear text. " +
                    "A later AddRedaction(...) call (SetRedactor or SetFallbackRedactor with NullRedactor), or a replaced IRedactorProvider, " +
                    "overrode MecCompliance's deny-by-default redactors: remove it, or register only classifications MecCompliance does not own.",
                    name,
                    redactor.GetType().Name));
            }
        }
    }

    private void CheckLoggingPipeline(string secret, List<string> problems)
    {
        var factory = services.GetRequiredService<ILoggerFactory>();
        var probe = services.GetService<RedactionProbeProvider>();
        if (probe is null)
        {
            problems.Add("MecCompliance's start-up probe is not registered: call services.AddMecCompliance() rather than registering its parts by hand.");
            return;
        }

        probe.AttachTo(factory);
        var observation = probe.Observe(secret, () => ProbeLog.Probe(factory.CreateLogger(RedactionProbeProvider.Category), secret));
        var isTelemetryFactory = factory.GetType().FullName == TelemetryFactoryName;

        if (observation.Leaked || (observation.Received && !observation.Tagged))
        {
            var fate = observation.Leaked ? "in clear text" : "without its value (silently dropped: nothing redacted it)";
            problems.Add(isTelemetryFactory
                ? $"A classified log parameter reached the logger providers {fate} although the ILoggerFactory is the " +
                  "redaction-enabled one: its IRedactorProvider does not redact. Remove the registration that replaced MecCompliance's redactors."
                : $"A classified log parameter reached the logger providers {fate}: the ILoggerFactory is {factory.GetType().FullName}, " +
                  "not the redaction-enabled factory of Microsoft.Extensions.Telemetry (EnableRedaction). Something registered its own " +
                  "ILoggerFactory after AddMecCompliance(): remove that registration (add your logger as an ILoggerProvider instead, " +
                  "e.g. builder.Logging.AddProvider(...)), or call AddMecCompliance() after it.");
        }
        else if (!observation.Received)
        {
            problems.Add($"The ILoggerFactory ({factory.GetType().FullName}) does not deliver log events to the registered logger " +
                "providers, so MecCompliance cannot prove that it redacts. It replaced the redaction-enabled factory of " +
                "Microsoft.Extensions.Telemetry: remove that registration (plug your logger in as an ILoggerProvider), or call " +
                "AddMecCompliance() after it. If another check already proves redaction, set MecCompliance:VerifyLoggingPipeline to false.");
        }
    }
}
