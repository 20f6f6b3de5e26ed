using MecCompliance.Analyzers.Baseline;

namespace MecCompliance.Analyzers.Tests.Baseline;

/// <summary>The strict reader of mec-baseline.json: what it accepts, and where it says a file is wrong.</summary>
public sealed class BaselineDocumentTests
{
    private const string Entry = """{ "rule": "MEC001", "data": "Patron.Email (PersonalData)", "sink": "log: ILogger.LogInformation", "member": "Library.Desk.Renew(Patron)" }""";

    [Fact]
    public void Well_formed_file_yields_its_entries_with_justification_and_default_occurrence()
    {
        var document = BaselineDocument.Parse($$"""
            {
              "version": 1,
              "description": "ignored",
              "entries": [ {{Entry.Replace(" }", ", \"justification\": \"vendor contract pending \\u2014 MEC-2025-01\" }", StringComparison.Ordinal)}} ]
            }
            """);

        Assert.Null(document.Error);
        var entry = Assert.Single(document.Entries);
        Assert.Equal(new FindingFingerprint("MEC001", "Patron.Email (PersonalData)", "log: ILogger.LogInformation", "Library.Desk.Renew(Patron)", 0), entry.Fingerprint);
        Assert.Equal("vendor contract pending \u2014 MEC-2025-01", entry.Justification);
        Assert.True(document.Contains(entry.Fingerprint));
        Assert.False(document.Contains(new FindingFingerprint("MEC001", "Patron.Email (PersonalData)", "log: ILogger.LogInformation", "Library.Desk.Renew(Patron)", 1)));
    }

    [Theory]
    [InlineData("{ \"version\": 1, \"entries\": [ ENTRY, ] }", 1, "a value was expected")]
    [InlineData("{ \"version\": 1, \"entries\": [ ENTRY ] } x", 1, "unexpected text after the end")]
    [InlineData("{ \"version\": 1, \"version\": 1, \"entries\": [] }", 1, "duplicate property \"version\"")]
    [InlineData("{ \"version\": 2, \"entries\": [] }", 1, "\"version\" must be 1")]
    [InlineData("{ \"version\": 1 }", 1, "\"entries\" is missing")]
    [InlineData("{ \"version\": 1,\n  \"entries\": [\n    { \"rule\": \"MEC001\", \"data\": \"d\", \"sink\": \"s\" } ] }", 3, "entry property \"member\" is missing")]
    [InlineData("{ \"version\": 1, \"entries\": [ { \"rule\": \"MEC001\", \"data\": \"d\", \"sink\": \"s\", \"member\": 7 } ] }", 1, "\"member\" must be a string")]
    [InlineData("{ \"version\": 1, \"entries\": [ { \"rule\": \"MEC009\", \"data\": \"\", \"sink\": \"s\", \"member\": \"m\" } ] }", 1, "not a MecCompliance rule a baseline can hold")]
    [InlineData("{ \"version\": 1, \"entries\": [ { \"rule\": \"MEC001\", \"data\": \"d\", \"sink\": \"s\", \"member\": \"m\", \"occurrence\": -1 } ] }", 1, "\"occurrence\" must be a whole number")]
    [InlineData("// comment\n{}", 1, "unexpected character '/'")]
    [InlineData("{ \"version\": 1, \"entries\": [ \"unterminated ] }", 1, "unterminated string")]
    [InlineData("", 1, "unexpected end of the document")]
    public void Malformed_file_is_an_error_with_its_line_and_matches_nothing(string text, int line, string message)
    {
        var document = BaselineDocument.Parse(text.Replace("ENTRY", Entry, StringComparison.Ordinal));

        Assert.NotNull(document.Error);
        Assert.Contains(message, document.Error.Message, StringComparison.Ordinal);
        Assert.Equal(line, document.Error.Line);
        Assert.Empty(document.Entries);
    }
}
