using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MecCompliance.Analyzers.Tests;

public sealed class DocumentationTests
{
    public static TheoryData<string> DiagnosticIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in AllDescriptors().Select(d => d.Id).Distinct().Order())
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void Analyzers_support_only_declared_rules()
    {
        var declared = AllDescriptors().Select(d => d.Id).ToHashSet();
        var supported = Analyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();

        Assert.Equal(["MEC001", "MEC002", "MEC003", "MEC004", "MEC005", "MEC006", "MEC007", "MEC008", "MEC009"], declared.Order());
        Assert.Contains("MEC004", supported);
        Assert.Contains("MEC005", supported);
        // Analyzers for MEC001-003/006 arrive with their own branches; until then supported is a subset of declared.
        Assert.Subset(declared, supported);
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void Help_link_points_to_an_existing_page_whose_title_and_severity_match(string id)
    {
        foreach (var descriptor in AllDescriptors().Where(d => d.Id == id))
        {
            Assert.EndsWith($"docs/rules/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            var page = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");
            Assert.True(File.Exists(page), $"{page} is missing");
            var lines = File.ReadAllLines(page);
            Assert.Equal($"# {id} - {descriptor.Title}", lines[0]);
            Assert.Contains($"| Default severity | {descriptor.DefaultSeverity} |", lines);
            Assert.Contains($"| Category | {descriptor.Category} |", lines);
            Assert.Contains($"| Enabled by default | {(descriptor.IsEnabledByDefault ? "Yes" : "No")} |", lines);
            Assert.Contains(lines, l => l.Contains($"dotnet_diagnostic.{id}.severity", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void Release_tracking_lists_the_rule_with_its_severity(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        var analyzersFolder = Path.Combine(RepositoryRoot(), "analyzers", "MecCompliance.Analyzers");
        var rows = File.ReadAllLines(Path.Combine(analyzersFolder, "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(analyzersFolder, "AnalyzerReleases.Shipped.md")))
            .Where(l => l.StartsWith(id + " ", StringComparison.Ordinal))
            .ToList();

        var row = Assert.Single(rows);
        Assert.Contains($"| {descriptor.DefaultSeverity} |", row, StringComparison.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MecCompliance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MecCompliance.sln not found above " + AppContext.BaseDirectory);
    }

    internal static IReadOnlyList<DiagnosticAnalyzer> Analyzers() =>
        typeof(RuleDescriptors).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t, nonPublic: true)!)
            .ToList();

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(RuleDescriptors).GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .Concat(Analyzers().SelectMany(a => a.SupportedDiagnostics));
}
