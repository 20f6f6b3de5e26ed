using System.Collections.Concurrent;
using MecCompliance.Analyzers.Naming;

namespace MecCompliance.Analyzers.Options;

/// <summary>
/// The <c>mec_compliance.*</c> options, read from .editorconfig (per file) or a global analyzer config through
/// <see cref="AnalyzerConfigOptionsProvider"/>. Severities are not options: they use
/// <c>dotnet_diagnostic.MECxxx.severity</c> like every other analyzer.
/// </summary>
internal sealed class ComplianceOptions
{
    /// <summary>Comma-separated phrases that also mean personal data for MEC005 (<c>national id, PassportNumber</c>).</summary>
    public const string PersonalDataWordsKey = "mec_compliance.personal_data_words";

    /// <summary>Comma-separated phrases that never mean personal data for MEC005 (<c>address, billing address</c>).</summary>
    public const string ExcludedWordsKey = "mec_compliance.excluded_words";

    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<(string? Added, string? Excluded), PersonalDataVocabulary> _vocabularies = new();
    private readonly ConcurrentDictionary<SyntaxTree, PersonalDataVocabulary> _vocabularyByTree = new();

    public ComplianceOptions(AnalyzerConfigOptionsProvider provider)
    {
        _provider = provider;
    }

    /// <summary>The MEC005 vocabulary in effect for <paramref name="tree"/>; built once per distinct configuration.</summary>
    public PersonalDataVocabulary VocabularyFor(SyntaxTree? tree)
    {
        // Every member of a file asks; the options of a file are read once.
        if (tree is null)
        {
            return Read(null);
        }

        return _vocabularyByTree.TryGetValue(tree, out var known) ? known : _vocabularyByTree.GetOrAdd(tree, Read(tree));
    }

    private PersonalDataVocabulary Read(SyntaxTree? tree)
    {
        var added = Read(tree, PersonalDataWordsKey);
        var excluded = Read(tree, ExcludedWordsKey);
        if (added is null && excluded is null)
        {
            return PersonalDataVocabulary.Default;
        }

        return _vocabularies.GetOrAdd((added, excluded), static key => PersonalDataVocabulary.Create(key.Added, key.Excluded));
    }

    private string? Read(SyntaxTree? tree, string key)
    {
        if (tree is not null && _provider.GetOptions(tree).TryGetValue(key, out var value))
        {
            return value;
        }

        return _provider.GlobalOptions.TryGetValue(key, out var global) ? global : null;
    }
}
