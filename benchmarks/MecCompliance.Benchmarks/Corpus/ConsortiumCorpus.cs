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

/// <summary>A leak planted in otherwise correct code: the diagnostic a complete engine reports on that line.</summary>
public sealed record PlantedLeak(string Path, int Line, string DiagnosticId);

/// <summary>A generated corpus and the leaks planted in it.</summary>
public sealed record GeneratedCorpus(IReadOnlyList<CorpusFile> Files)
{
    public int LineCount => Files.Sum(f => f.LineCount);

    public IReadOnlyList<PlantedLeak> Leaks { get; } = FindLeaks(Files);

    /// <summary>Planted leaks by diagnostic id.</summary>
    public IReadOnlyDictionary<string, int> Planted => Leaks.GroupBy(l => l.DiagnosticId).ToDictionary(g => g.Key, g => g.Count());

    private static List<PlantedLeak> FindLeaks(IReadOnlyList<CorpusFile> files)
    {
        const string Marker = "/* planted: ";
        var leaks = new List<PlantedLeak>();
        foreach (var file in files)
        {
            var lines = file.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var at = lines[i].IndexOf(Marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var id = lines[i].Substring(at + Marker.Length, lines[i].IndexOf(" */", at, StringComparison.Ordinal) - at - Marker.Length);
                    leaks.Add(new PlantedLeak(file.Path, i, id));
                }
            }
        }

        return leaks;
    }
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

        return new GeneratedCorpus(files);
    }
}
