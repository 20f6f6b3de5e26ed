using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MecCompliance.RealCode.Corpus;

/// <summary>
/// Classifies someone else's code as its owner would: a rules file of <c>&lt;regex&gt; &lt;Class&gt;</c> lines matched
/// against property and field names, each match getting <c>[global::MecCompliance.&lt;Class&gt;]</c> inserted in front of
/// its declaration on the same line — text inserted, never a line moved, so every finding's line is the corpus's line.
/// Parameters and constants are left alone: a constructor parameter or a claim-type constant named Email is no store.
/// </summary>
public sealed class ClassificationRules
{
    private readonly IReadOnlyList<(Regex Pattern, string Class)> rules;

    private ClassificationRules(IReadOnlyList<(Regex Pattern, string Class)> rules) => this.rules = rules;

    public static ClassificationRules None { get; } = new([]);

    public int Count => rules.Count;

    public static ClassificationRules Parse(IEnumerable<string> lines)
    {
        var parsed = new List<(Regex, string)>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var space = line.LastIndexOfAny([' ', '\t']);
            if (space <= 0)
            {
                throw new FormatException($"A rule is '<regex> <Class>': '{line}'");
            }

            var className = line[(space + 1)..];
            if (className is not ("PersonalData" or "PatronRecord" or "OrganizationalData"))
            {
                throw new FormatException($"Unknown classification '{className}' in '{line}' (PersonalData, PatronRecord or OrganizationalData).");
            }

            parsed.Add((new Regex(line[..space].Trim(), RegexOptions.CultureInvariant), className));
        }

        return new ClassificationRules(parsed);
    }

    /// <summary>The source with attributes inserted, and how many members were classified.</summary>
    public (string Text, int Classified) Apply(string text, CSharpParseOptions options)
    {
        if (rules.Count == 0)
        {
            return (text, 0);
        }

        var root = CSharpSyntaxTree.ParseText(text, options).GetRoot();
        var insertions = new List<(int Position, string Attribute)>();
        foreach (var member in root.DescendantNodes().OfType<MemberDeclarationSyntax>())
        {
            var names = member switch
            {
                PropertyDeclarationSyntax property => [property.Identifier.ValueText],
                FieldDeclarationSyntax field when !field.Modifiers.Any(SyntaxKind.ConstKeyword) =>
                    field.Declaration.Variables.Select(v => v.Identifier.ValueText).ToArray(),
                _ => Array.Empty<string>(),
            };
            var classes = names
                .SelectMany(n => rules.Where(r => r.Pattern.IsMatch(n)).Select(r => r.Class))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (classes.Count > 0)
            {
                // In front of the declaration's first token (its first attribute list or modifier): same line, no line moves.
                var position = member.GetFirstToken().SpanStart;
                insertions.Add((position, string.Concat(classes.Select(c => $"[global::MecCompliance.{c}] "))));
            }
        }

        if (insertions.Count == 0)
        {
            return (text, 0);
        }

        var builder = new StringBuilder(text);
        foreach (var (position, attribute) in insertions.OrderByDescending(i => i.Position))
        {
            builder.Insert(position, attribute);
        }

        return (builder.ToString(), insertions.Count);
    }
}
