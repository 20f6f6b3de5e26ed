namespace MecCompliance.Cli.Diff;

/// <summary><c>mec diff</c>: reads two reports, writes what changed, and fails when the change brings a new violation.</summary>
internal static class DiffCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        DiffArguments arguments;
        try
        {
            arguments = DiffArguments.Parse(args);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"mec: {e.Message}");
            stderr.WriteLine(DiffArguments.Usage);
            return MecCommand.UsageOrLoadError;
        }

        DataMapDiff diff;
        try
        {
            diff = DataMapDiff.Between(JsonReportReader.Read(arguments.OldReport), JsonReportReader.Read(arguments.NewReport));
        }
        catch (ReportInputException e)
        {
            stderr.WriteLine($"mec: {e.Message}");
            return MecCommand.UsageOrLoadError;
        }

        if (arguments.OutputFile is { } file)
        {
            await using var writer = new StreamWriter(file);
            Write(diff, arguments.Format, writer);
            stderr.WriteLine($"mec: diff written to {file}");
        }
        else
        {
            Write(diff, arguments.Format, stdout);
        }

        if (diff.HasNewViolations)
        {
            stderr.WriteLine($"mec: {diff.NewViolations.Count} new violation(s).");
            return MecCommand.ViolationsFound;
        }

        return MecCommand.Compliant;
    }

    public static void Write(DataMapDiff diff, DiffFormat format, TextWriter output)
    {
        if (format == DiffFormat.Json)
        {
            DiffJsonWriter.Write(diff, output);
        }
        else
        {
            DiffMarkdownWriter.Write(diff, output);
        }
    }
}
