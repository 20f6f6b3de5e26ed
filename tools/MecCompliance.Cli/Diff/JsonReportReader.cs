using System.Text.Json;
using MecCompliance.Cli.Report;
using MecCompliance.Cli.Writers;

namespace MecCompliance.Cli.Diff;

/// <summary>Reads a <c>mec report --format json</c> file back into the data map it was written from.</summary>
internal static class JsonReportReader
{
    /// <summary>The data map in <paramref name="path"/>; anything else is a <see cref="ReportInputException"/> that names the file.</summary>
    public static DataMap Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ReportInputException($"cannot read '{path}': {e.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses a report's text; <paramref name="source"/> names it in error messages.</summary>
    public static DataMap Parse(string text, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            // The tool name is the one marker every version of the report carries: without it this is some other JSON.
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("tool", out var tool) || tool.ValueKind != JsonValueKind.String || tool.GetString() != "mec")
            {
                throw new ReportInputException($"'{source}' is not a mec JSON report (no \"tool\": \"mec\"); write one with 'mec report <path> --format json'.");
            }

            var map = root.Deserialize<DataMap>(JsonReportWriter.Options)
                ?? throw new ReportInputException($"'{source}' is not a mec JSON report.");
            if (map.Target is null || map.Projects is null || map.ClassifiedMembers is null || map.Flows is null || map.Parties is null || map.Findings is null)
            {
                throw new ReportInputException($"'{source}' is not a complete mec JSON report: it needs target, projects, classifiedMembers, flows, parties and findings.");
            }

            // A hand-edited or truncated report must fail here, with its name, rather than as a crash in the comparison.
            var incomplete =
                map.ClassifiedMembers.Select((m, i) => m is { Name: not null, Kind: not null, Classes: not null, Location: not null } ? null : $"classifiedMembers[{i}]")
                .Concat(map.Flows.Select((f, i) => f is { Data: not null, Classes: not null, Sink: not null, Location: not null } ? null : $"flows[{i}]"))
                .Concat(map.Parties.Select((p, i) => p is { Name: not null, Allowed: not null, Hosts: not null, Received: not null } ? null : $"parties[{i}]"))
                .Concat(map.Findings.Select((f, i) => f is { RuleId: not null, Message: not null, Location: not null } ? null : $"findings[{i}]"))
                .FirstOrDefault(e => e is not null);
            if (incomplete is not null)
            {
                throw new ReportInputException($"'{source}' is not a complete mec JSON report: {incomplete} lacks a required field.");
            }

            return map;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1})" : "";
            throw new ReportInputException($"'{source}' is not a valid mec JSON report{where}: {e.Message}");
        }
        catch (NotSupportedException e)
        {
            // A report from another version of mec with a shape this one cannot bind: say so rather than crash.
            throw new ReportInputException($"'{source}' cannot be read by this version of mec: {e.Message}");
        }
    }
}

/// <summary>An input file is missing, unreadable or not a mec report; the message names it and says why.</summary>
internal sealed class ReportInputException(string message) : Exception(message);
