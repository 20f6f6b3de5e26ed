namespace MecCompliance.Benchmarks.Corpus;

/// <summary>One generated source file.</summary>
public sealed record CorpusFile(string Path, string Text)
{
    public int LineCount { get; } = CountLines(Text);

    private static int CountLines(string text)
    {
        var lines = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return lines;
    }
}

/// <summary>A generated corpus and the violations planted in it, by the diagnostic id each should raise.</summary>
public sealed record GeneratedCorpus(IReadOnlyList<CorpusFile> Files, IReadOnlyDictionary<string, int> Planted)
{
    public int LineCount => Files.Sum(f => f.LineCount);
}

/// <summary>
/// A deterministic generator of consortium service code: shared policy and platform files, then one module per branch
/// library (models, circulation, notices, reports, vendor client, storage, holds, fines job), until the file count is
/// reached. The same seed and size always give the same text, so timings of two runs compare like with like.
/// </summary>
public static class ConsortiumCorpus
{
    /// <summary>The share of leak sites that get the leaking variant: mostly correct code, as in a real code base.</summary>
    public const double DefaultViolationRate = 0.03;

    private static readonly (string Name, Func<TemplateContext, string> Write)[] ModuleFiles =
    [
        ("Models", ModelSources.Models),
        ("CirculationService", ServiceSources.Circulation),
        ("NoticeComposer", ServiceSources.Notices),
        ("BranchReports", ServiceSources.Reports),
        ("OverDriveClient", IntegrationSources.Vendors),
        ("PatronRepository", IntegrationSources.Storage),
        ("HoldQueue", WorkflowSources.Holds),
        ("FinesJob", WorkflowSources.Fines),
    ];

    public static GeneratedCorpus Generate(int fileCount, int seed, double violationRate = DefaultViolationRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fileCount, 6);
        var ctx = new TemplateContext(seed, violationRate);
        var files = SharedSources.All().ToList();
        for (var module = 1; files.Count < fileCount; module++)
        {
            ctx.Namespace = $"Evergreen.Branch{module:D4}";
            foreach (var (name, write) in ModuleFiles)
            {
                if (files.Count == fileCount)
                {
                    break;
                }

                files.Add(new CorpusFile($"Branch{module:D4}/{name}.cs", write(ctx)));
            }
        }

        return new GeneratedCorpus(files, new Dictionary<string, int>(ctx.Planted));
    }
}
