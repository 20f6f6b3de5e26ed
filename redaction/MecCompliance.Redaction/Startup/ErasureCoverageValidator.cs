using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MecCompliance.Redaction.Erasure;
using MecCompliance.Redaction.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MecCompliance.Redaction.Startup;

/// <summary>
/// A settings type that exists only so the erasure coverage check runs through <c>ValidateOnStart</c> (and
/// <c>ValidateMecCompliance()</c>), like the logging pipeline check.
/// </summary>
internal sealed class ErasureCoverageCheck
{
}

/// <summary>
/// Refuses to start when a request to delete someone's information could not be carried out in full: a declared sink
/// that may hold personal data has no eraser, or an eraser serves a sink nobody declared (a typo, or a sink the
/// policy never approved).
/// </summary>
internal sealed class ErasureCoverageValidator(
    IServiceProvider services,
    IEnumerable<PersonalDataEraserRegistration> registrations,
    IOptions<MecDataSubjectRequestOptions> options) : IValidateOptions<ErasureCoverageCheck>
{
    public ValidateOptionsResult Validate(string? name, ErasureCoverageCheck check)
    {
        var problems = new List<string>();
        SinkPolicy policy;
        try
        {
            policy = SinkPolicy.From(options.Value);
        }
        catch (Exception e) when (e is System.IO.IOException or BadImageFormatException or ArgumentException)
        {
            return ValidateOptionsResult.Fail(
                $"A policy assembly named in MecDataSubjectRequestOptions.PolicyAssemblyNames could not be loaded ({e.Message}): " +
                "fix the name, or reference the assembly so it is deployed with the application.");
        }

        var served = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (eraser, sink) in ResolveErasers(problems))
        {
            if (policy.Find(sink) is null)
            {
                problems.Add(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} erases sink '{1}', which no [assembly: ApprovedSink(\"{1}\", ...)] declares (declared sinks: {2}). " +
                    "Correct the eraser's Sink to the declared name, or declare the sink with the classes it holds once the consortium has approved it " +
                    "(when the policy lives in another assembly, add it with services.AddDataSubjectRequests(o => o.PolicyAssemblies.Add(...))).",
                    eraser,
                    sink,
                    policy.Sinks.Any() ? string.Join(", ", policy.Sinks.Select(static s => s.Name)) : "none"));
            }

            if (!served.TryGetValue(sink, out var erasers))
            {
                served[sink] = erasers = [];
            }

            erasers.Add(eraser);
        }

        foreach (var sink in policy.Sinks.Where(s => s.NeedsEraser && !served.ContainsKey(s.Name)))
        {
            problems.Add(string.Format(
                CultureInfo.InvariantCulture,
                "Sink '{0}' is approved for {1} ([assembly: ApprovedSink] in {2}) but no IPersonalDataEraser is registered for it, so a request " +
                "to delete someone's information (the policy's \"Updating or Removing Information\") would leave it there. Write a class implementing " +
                "IPersonalDataEraser whose Sink is \"{0}\" and whose EraseAsync, marked [ErasesPersonalData(\"{0}\")], deletes or anonymises the " +
                "subject's data through the sink's [DataSink(\"{0}\")] code, and register it with services.AddPersonalDataEraser<TEraser>().",
                sink.Name,
                string.Join(", ", sink.PersonalClasses.Select(static t => t.Name.EndsWith("Attribute", StringComparison.Ordinal) ? t.Name[..^"Attribute".Length] : t.Name)),
                sink.Assembly));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private List<(string Eraser, string Sink)> ResolveErasers(List<string> problems)
    {
        var found = new List<(string, string)>();
        var scope = services.CreateAsyncScope();
        try
        {
            foreach (var registration in registrations.Distinct())
            {
                var name = registration.EraserType.FullName ?? registration.EraserType.Name;
                try
                {
                    var sink = ((IPersonalDataEraser)scope.ServiceProvider.GetRequiredService(registration.EraserType)).Sink;
                    if (string.IsNullOrWhiteSpace(sink))
                    {
                        problems.Add($"{name} names no Sink: return the name of the ApprovedSink it erases from.");
                        continue;
                    }

                    found.Add((name, sink));
                }
                catch (Exception e)
                {
                    problems.Add($"{name} could not be created, so it could not erase anything: {e.Message} Register what it depends on.");
                }
            }
        }
        finally
        {
            // Erasers may depend on a DbContext, which wants to be disposed asynchronously; validation itself is synchronous.
            scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return found;
    }
}
