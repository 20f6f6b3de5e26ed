using MecCompliance.Analyzers.Flow;
using MecCompliance.Analyzers.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Verifiers.FlowTest<MecCompliance.Analyzers.Rules.ClassifiedDataLoggedAnalyzer>;

namespace MecCompliance.Analyzers.Tests.Flow;

/// <summary>The bounds of the engine: a capped label set widens, it never drops a class.</summary>
public sealed class LabelSetTests
{
    [Fact]
    public void Sources_beyond_the_cap_merge_into_one_label_that_keeps_every_class()
    {
        var fields = string.Join(" ", Enumerable.Range(0, LabelSet.MaxSources + 3).Select(i => $"int M{i};"));
        var type = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Origins", [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText($"class Origins {{ {fields} }}")])
            .GetTypeByMetadataName("Origins")!;
        var set = LabelSet.Empty;
        for (var i = 0; i < LabelSet.MaxSources + 3; i++)
        {
            var classes = i == LabelSet.MaxSources + 2 ? DataClass.PatronRecord : DataClass.PersonalData;
            set = set.Add(new SourceLabel(classes, type.GetMembers("M" + i).Single(), Location.None, isWholeObject: false));
        }

        set = set.Add(ParameterLabel.For(0));

        var sources = set.Labels.OfType<SourceLabel>().ToList();
        Assert.Equal(LabelSet.MaxSources + 1, sources.Count);
        var merged = Assert.Single(sources, s => s.Origin is null);
        Assert.Equal(DataClass.PersonalData | DataClass.PatronRecord, merged.Classes);
        Assert.Contains(ParameterLabel.For(0), set.Labels);
    }

    [Fact]
    public async Task A_value_carrying_several_members_is_one_finding_naming_two_and_counting_the_rest()
    {
        await Verify.VerifyAsync("""
            using Library;
            using Microsoft.Extensions.Logging;

            class Card
            {
                void Run(ILogger log, Patron a, Patron b, Patron c)
                {
                    var all = a.Name + a.Email + a.CardNumber + b.Name + b.Email + b.CardNumber + c.Name + c.Email + c.CardNumber;
                    log.LogInformation({|#0:all|});
                    log.LogInformation(a.Status + b.Status + c.Status + a.Id + b.Id + c.Id);
                }
            }
            """,
            Verify.Diagnostic("MEC001", 0)
                .WithArguments("Patron.Name (PersonalData) and Patron.Email (PersonalData) and 1 more", "ILogger.LogInformation", string.Empty)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
    }
}
