using System.Collections.Immutable;
using MecCompliance.Analyzers.Baseline;
using MecCompliance.Analyzers.Policy;
using MecCompliance.Cli.Report;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MecCompliance.Cli.Analysis;

/// <summary>Runs the analyzers on each project and assembles the data map.</summary>
internal sealed class ComplianceReportBuilder(string target, SourcePaths paths, TextWriter progress)
{
    private readonly List<string> _projects = [];
    private readonly List<ClassifiedMember> _members = [];
    private readonly List<DataFlow> _flows = [];
    private readonly List<Finding> _findings = [];
    private readonly List<MarkedMethod> _marked = [];
    private readonly Dictionary<(PartyKind, string), Declaration> _declarations = new(new PartyKeyComparer());
    private readonly ReferencedProjectSummaries _referencedSummaries = new();

    /// <summary>Adds <paramref name="project"/>; false when it does not reference MecCompliance and is not <paramref name="required"/>.</summary>
    public async Task<bool> AddAsync(Project project, bool required, CancellationToken cancellationToken)
    {
        project = project.AnalyzerReferences.Where(MecAnalyzers.IsMecAnalyzer).Aggregate(project, (p, r) => p.RemoveAnalyzerReference(r));
        project = await _referencedSummaries.ApplyAsync(project, cancellationToken).ConfigureAwait(false);
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new ReportException($"{project.Name}: Roslyn produced no compilation.");
        var generated = await GeneratedTreesAsync(project, compilation, cancellationToken).ConfigureAwait(false);
        return await AddAsync(project.Name, compilation, WithoutBaseline(project.AnalyzerOptions), generated, required, cancellationToken).ConfigureAwait(false);
    }

    // The report applies the baseline itself (to show baselined findings apart, and to write a new one from every
    // finding), so the rules must not see the file the package's build files hand them.
    private static AnalyzerOptions WithoutBaseline(AnalyzerOptions options) =>
        BaselineFile.Find(options) is { } file ? new AnalyzerOptions(options.AdditionalFiles.Remove(file), options.AnalyzerConfigOptionsProvider) : options;

    /// <summary>Adds one compilation: its findings, classified members, declarations and flows.</summary>
    /// <param name="generated">Trees the analyzers treat as generated code, left out as they leave them out.</param>
    public async Task<bool> AddAsync(string projectName, Compilation compilation, AnalyzerOptions options, ISet<SyntaxTree> generated, bool required, CancellationToken cancellationToken)
    {
        var symbols = ComplianceSymbols.TryCreate(compilation);
        if (symbols is null)
        {
            return required
                ? throw new ReportException($"{projectName} does not reference MecCompliance: add the MecCompliance package (or the attributes project) before reporting on it.")
                : false;
        }

        var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            progress.WriteLine($"  {projectName}: {errors.Count} compiler error(s); flows in code that does not compile may be missing. First:");
            foreach (var error in errors.Take(3))
            {
                progress.WriteLine($"    {paths.PointOf(error.Location)}: {error.Id}: {error.GetMessage()}");
            }
        }

        // One analysis: the rules report their findings, and the recorder beside them keeps the flows they judged.
        var recorder = new FlowRecorder();
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        if (!MecAnalyzers.All.IsEmpty)
        {
            var withAnalyzers = compilation.WithAnalyzers(MecAnalyzers.All.Add(recorder), new CompilationWithAnalyzersOptions(
                options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        }

        // An analyzer that throws reports AD0001 instead of its findings: the report would look cleaner than the code is.
        foreach (var failure in diagnostics.Where(d => d.Id == "AD0001"))
        {
            progress.WriteLine($"  warning: a MecCompliance analyzer failed on {projectName}; its findings are missing: {failure.GetMessage()}");
        }

        var register = PolicyRegister.Read(compilation, symbols, paths, cancellationToken);
        foreach (var declaration in register.Declarations)
        {
            _declarations.TryAdd((declaration.Kind, declaration.Name), declaration);
        }

        var mec = diagnostics.Where(d => d.Id.StartsWith("MEC", StringComparison.Ordinal) && !d.IsSuppressed).ToList();
        _projects.Add(projectName);
        _members.AddRange(ClassifiedMemberCatalog.Collect(compilation, symbols, paths, cancellationToken));
        _marked.AddRange(DataSubjectMethodCatalog.Collect(compilation, paths, cancellationToken));
        _flows.AddRange(new FlowCollector(compilation, register, paths, generated).Collect(recorder));
        _findings.AddRange(mec.Select(d => new Finding(projectName, d.Id, SeverityOf(d.Severity), d.Descriptor.Title.ToString(), d.GetMessage(),
            d.Descriptor.HelpLinkUri, paths.PointOf(d.Location), FindingFingerprint.From(d, cancellationToken))));
        return true;
    }

    // Source-generator output and files marked <auto-generated>: what ConfigureGeneratedCodeAnalysis(None) makes the analyzers skip.
    private static async Task<ISet<SyntaxTree>> GeneratedTreesAsync(Project project, Compilation compilation, CancellationToken cancellationToken)
    {
        var generatedPaths = (await project.GetSourceGeneratedDocumentsAsync(cancellationToken).ConfigureAwait(false))
            .Select(d => d.FilePath).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var generated = new HashSet<SyntaxTree>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var name = Path.GetFileName(tree.FilePath);
            if (generatedPaths.Contains(tree.FilePath) ||
                name.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase) ||
                (await tree.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString(new Microsoft.CodeAnalysis.Text.TextSpan(0, Math.Min(500, tree.Length))).Contains("<auto-generated", StringComparison.Ordinal))
            {
                generated.Add(tree);
            }
        }

        return generated;
    }

    public DataMap Build()
    {
        var flows = _flows
            .OrderBy(f => f.Location.Path, StringComparer.Ordinal).ThenBy(f => f.Location.Line).ThenBy(f => f.Location.Column)
            .ToList();
        var parties = _declarations.Values
            .OrderBy(d => d.Kind).ThenBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new DeclaredParty(d.Kind, d.Name, ClassNames.Of(d.Allowed), d.Hosts, d.Contract,
                ClassNames.Of(ClassNames.Parse(flows.Where(f => IsTo(f, d)).SelectMany(f => f.Classes))), d.DeclaredIn, d.Location, d.Problems))
            .ToList();
        var requests = _declarations.Values
            .Where(d => d.Kind == PartyKind.Sink && !string.IsNullOrWhiteSpace(d.Name))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => RequestsFor(d, flows))
            .ToList();
        return new DataMap(
            target,
            _projects,
            _members.OrderBy(m => m.Location.Path, StringComparer.Ordinal).ThenBy(m => m.Location.Line).ToList(),
            flows,
            parties,
            _findings.OrderBy(f => f.Location.Path, StringComparer.Ordinal).ThenBy(f => f.Location.Line).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList())
        {
            DataSubjectRequests = requests,
        };
    }

    private SinkDataSubjectRequests RequestsFor(Declaration sink, IReadOnlyList<DataFlow> flows)
    {
        var declared = ClassNames.Of(sink.Allowed);
        var observed = ClassNames.Of(ClassNames.Parse(flows.Where(f => IsTo(f, sink)).SelectMany(f => f.Classes)));

        // A project's eraser is seen in source there and as metadata by the projects referencing it: listed once, with its location.
        var methods = _marked
            .Where(m => string.Equals(m.Sink, sink.Name, StringComparison.OrdinalIgnoreCase))
            .GroupBy(m => (m.Duty, m.Method, m.Assembly))
            .Select(g => g.OrderBy(m => m.Location is null).First())
            .OrderBy(m => m.Location?.Path, StringComparer.Ordinal).ThenBy(m => m.Location?.Line).ThenBy(m => m.Method, StringComparer.Ordinal)
            .Select(m => (m.Duty, Method: new DataSubjectMethod(m.Method, m.Assembly, m.Location,
                ReachesSink: !_findings.Any(f => f.RuleId == "MEC008" && f.Location == m.Location))))
            .ToList();
        var erasers = methods.Where(m => m.Duty == DataSubjectDuty.Erases).Select(m => m.Method).ToList();
        var correctors = methods.Where(m => m.Duty == DataSubjectDuty.Corrects).Select(m => m.Method).ToList();

        var holds = ClassNames.Parse(declared.Concat(observed)).IsProtected();
        var missing = new List<string>();
        if (sink.Problems.Count > 0)
        {
            missing.Add("the declaration is invalid (MEC004)");
        }

        if (holds && erasers.Count == 0)
        {
            missing.Add($"no eraser: no method is marked [ErasesPersonalData(\"{sink.Name}\")] (MEC007)");
        }

        missing.AddRange(erasers.Concat(correctors).Where(m => !m.ReachesSink).Select(m => $"{m.Method} never reaches the sink's code (MEC008)"));
        if (holds && correctors.Count == 0)
        {
            missing.Add($"no corrector: no method is marked [CorrectsPersonalData(\"{sink.Name}\")]");
        }

        if (holds && sink.BackupRetentionDays == 0)
        {
            missing.Add($"backup retention not declared: set BackupRetentionDays on ApprovedSink(\"{sink.Name}\")");
        }

        return new SinkDataSubjectRequests(sink.Name, declared, observed, sink.BackupRetentionDays > 0 ? sink.BackupRetentionDays : null,
            erasers, correctors, missing, sink.DeclaredIn, sink.Location);
    }

    private static bool IsTo(DataFlow flow, Declaration declaration) =>
        flow.Kind == (declaration.Kind == PartyKind.Vendor ? SinkKind.Vendor : SinkKind.Storage) &&
        string.Equals(flow.Sink, declaration.Name, StringComparison.OrdinalIgnoreCase);

    private static FindingSeverity SeverityOf(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => FindingSeverity.Error,
        DiagnosticSeverity.Warning => FindingSeverity.Warning,
        DiagnosticSeverity.Info => FindingSeverity.Info,
        _ => FindingSeverity.Hidden,
    };
}

/// <summary>Vendor and sink names are compared ignoring case, as the analyzers compare them.</summary>
internal sealed class PartyKeyComparer : IEqualityComparer<(PartyKind Kind, string Name)>
{
    public bool Equals((PartyKind Kind, string Name) x, (PartyKind Kind, string Name) y) =>
        x.Kind == y.Kind && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

    public int GetHashCode((PartyKind Kind, string Name) key) => HashCode.Combine(key.Kind, StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name));
}

/// <summary>A failure the user can act on; its message is printed as is and the tool exits with code 2.</summary>
internal sealed class ReportException(string message) : Exception(message);
