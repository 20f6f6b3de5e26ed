using System;
using Microsoft.Extensions.Options;

namespace MecCompliance.Redaction.Startup;

/// <summary>
/// A settings type that exists only so the start-up check runs through <c>ValidateOnStart</c>: the generic host runs it
/// before any hosted service starts, and a plain service provider runs it through <c>ValidateMecCompliance()</c>.
/// It is separate from <see cref="MecComplianceOptions"/> because the probe itself reads those options.
/// </summary>
internal sealed class LoggingPipelineCheck
{
}

/// <summary>Turns the start-up check's findings into an options validation failure, which fails the host's start.</summary>
internal sealed class LoggingPipelineValidator(IServiceProvider services) : IValidateOptions<LoggingPipelineCheck>
{
    public ValidateOptionsResult Validate(string? name, LoggingPipelineCheck options)
    {
        var problems = new MecComplianceStartupCheck(services).FindProblems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
