using MecCompliance.Cli.Writers;

namespace MecCompliance.Cli;

/// <summary>The parsed command line of <c>mec report</c>.</summary>
internal sealed record ReportArguments(string Target, ReportFormat Format, string? OutputFile, bool Restore)
{
    public const string Usage = """
        Usage: mec report <solution|project|folder> [--format md|json|sarif|html|cyclonedx|fides] [--out FILE] [--no-restore]

          Maps where classified data flows (logs, vendors, storage) and the MEC policy's verdict on each flow.
          --format      md (default), json, sarif (2.1.0), html, cyclonedx (CycloneDX 1.6 JSON) or fides (fideslang
                        YAML); inferred from --out's extension when omitted (.cdx.json is cyclonedx, .yml/.yaml fides)
          --out FILE    write the report to FILE instead of standard output
          --no-restore  fail instead of running 'dotnet restore' on a project that was never restored

        Exit codes: 0 compliant, 1 violations found, 2 usage, load or internal error.
        """;

    /// <summary>Parses <paramref name="args"/>; a usage error is a <see cref="UsageException"/> with a message for the user.</summary>
    public static ReportArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] != "report")
        {
            throw new UsageException(args.Count == 0 ? "missing command." : $"unknown command '{args[0]}'.");
        }

        string? target = null;
        string? format = null;
        string? output = null;
        var restore = true;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--format" or "-f":
                    format = OptionValue.After(args, ref i, arg);
                    break;
                case "--out" or "-o":
                    output = OptionValue.After(args, ref i, arg);
                    break;
                case "--no-restore":
                    restore = false;
                    break;
                case ['-', ..]:
                    throw new UsageException($"unknown option '{arg}'.");
                default:
                    if (target is not null)
                    {
                        throw new UsageException($"one target only: '{target}' and '{arg}' were given.");
                    }

                    target = arg;
                    break;
            }
        }

        if (target is null)
        {
            throw new UsageException("missing the solution, project or folder to report on.");
        }

        return new ReportArguments(target, FormatOf(format, output), output, restore);
    }

    private static ReportFormat FormatOf(string? format, string? output)
    {
        var name = format ?? Path.GetExtension(output ?? "").TrimStart('.').ToLowerInvariant() switch
        {
            // CycloneDX's own naming convention for a JSON BOM: bom.cdx.json.
            "json" when output!.EndsWith(".cdx.json", StringComparison.OrdinalIgnoreCase) => "cyclonedx",
            "yml" or "yaml" => "fides",
            "json" => "json",
            "sarif" => "sarif",
            "html" or "htm" => "html",
            _ => "md",
        };
        return name.ToLowerInvariant() switch
        {
            "md" or "markdown" => ReportFormat.Markdown,
            "json" => ReportFormat.Json,
            "sarif" => ReportFormat.Sarif,
            "html" => ReportFormat.Html,
            "cyclonedx" or "cdx" => ReportFormat.CycloneDx,
            "fides" or "fideslang" => ReportFormat.Fides,
            _ => throw new UsageException($"unknown format '{name}': use md, json, sarif, html, cyclonedx or fides."),
        };
    }
}

/// <summary>The command line is wrong; the message says how.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The value that follows an option on the command line (shared by every <c>mec</c> command).</summary>
internal static class OptionValue
{
    /// <summary>Moves <paramref name="i"/> to the value after <paramref name="option"/>; a missing value is a usage error.</summary>
    public static string After(IReadOnlyList<string> args, ref int i, string option) =>
        ++i < args.Count && !args[i].StartsWith("--", StringComparison.Ordinal) ? args[i] : throw new UsageException($"{option} needs a value.");
}
