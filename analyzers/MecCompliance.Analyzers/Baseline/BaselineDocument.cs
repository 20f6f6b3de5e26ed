using System.Globalization;

namespace MecCompliance.Analyzers.Baseline;

/// <summary>
/// The findings recorded in <c>mec-baseline.json</c>: read by the build's suppressor and by <c>mec</c> with this one
/// reader. The format (written by <c>mec baseline</c>):
/// <code>
/// { "version": 1, "entries": [ { "rule": "MEC001", "data": "...", "sink": "...", "member": "...", "occurrence": 0,
///   "justification": "", "location": "CirculationDesk.cs:15", "message": "..." } ] }
/// </code>
/// <c>rule</c>, <c>data</c>, <c>sink</c> and <c>member</c> are required; <c>occurrence</c> defaults to 0;
/// <c>location</c> and <c>message</c> only help a reviewer and never decide a match; other properties are ignored.
/// </summary>
internal sealed class BaselineDocument
{
    public const string FileName = "mec-baseline.json";
    public const int CurrentVersion = 1;

    private readonly HashSet<FindingFingerprint> _fingerprints;

    private BaselineDocument(ImmutableArray<BaselineEntry> entries, BaselineError? error)
    {
        Entries = entries;
        Error = error;
        _fingerprints = new HashSet<FindingFingerprint>(entries.Select(e => e.Fingerprint));
    }

    public ImmutableArray<BaselineEntry> Entries { get; }

    /// <summary>Why the file cannot be used; a document with an error has no entries and matches nothing.</summary>
    public BaselineError? Error { get; }

    public bool Contains(FindingFingerprint fingerprint) => Error is null && _fingerprints.Contains(fingerprint);

    public static BaselineDocument Parse(string text)
    {
        var root = BaselineJson.Parse(text, out var syntaxError);
        if (root is null)
        {
            return Failed(syntaxError!);
        }

        var reader = new EntryReader(text);
        try
        {
            return new BaselineDocument(reader.Read(root), null);
        }
        catch (FormatException)
        {
            return Failed(reader.Error!);
        }
    }

    private static BaselineDocument Failed(BaselineError error) => new(ImmutableArray<BaselineEntry>.Empty, error);

    private sealed class EntryReader(string text)
    {
        public BaselineError? Error { get; private set; }

        public ImmutableArray<BaselineEntry> Read(JsonNode root)
        {
            if (root.Kind != JsonKind.Object)
            {
                throw Fail(root, "the document must be a JSON object with \"version\" and \"entries\"");
            }

            var version = root["version"] ?? throw Fail(root, "\"version\" is missing");
            if (version.Kind != JsonKind.Number || version.Text != CurrentVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw Fail(version, $"\"version\" must be {CurrentVersion}, the only version this MecCompliance reads");
            }

            var entries = root["entries"] ?? throw Fail(root, "\"entries\" is missing");
            if (entries.Kind != JsonKind.Array)
            {
                throw Fail(entries, "\"entries\" must be an array");
            }

            var result = ImmutableArray.CreateBuilder<BaselineEntry>(entries.Items.Count);
            foreach (var entry in entries.Items)
            {
                if (entry.Kind != JsonKind.Object)
                {
                    throw Fail(entry, "each entry must be an object");
                }

                var fingerprint = new FindingFingerprint(
                    RequiredString(entry, "rule"),
                    RequiredString(entry, "data"),
                    RequiredString(entry, "sink"),
                    RequiredString(entry, "member"),
                    Occurrence(entry));
                if (!FindingFingerprint.IsBaselinable(fingerprint.Rule))
                {
                    throw Fail(entry["rule"]!, $"\"{fingerprint.Rule}\" is not a MecCompliance rule a baseline can hold");
                }

                result.Add(new BaselineEntry(fingerprint, OptionalString(entry, "justification"), OptionalString(entry, "location"), OptionalString(entry, "message")));
            }

            return result.MoveToImmutable();
        }

        private string RequiredString(JsonNode entry, string name)
        {
            var value = entry[name] ?? throw Fail(entry, $"entry property \"{name}\" is missing");
            return value.Kind == JsonKind.String ? value.Text! : throw Fail(value, $"entry property \"{name}\" must be a string");
        }

        private string? OptionalString(JsonNode entry, string name) => entry[name] switch
        {
            null or { Kind: JsonKind.Null } => null,
            { Kind: JsonKind.String } value => value.Text,
            var value => throw Fail(value, $"entry property \"{name}\" must be a string"),
        };

        private int Occurrence(JsonNode entry)
        {
            if (entry["occurrence"] is not { } value)
            {
                return 0;
            }

            return value.Kind == JsonKind.Number && int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var occurrence)
                ? occurrence
                : throw Fail(value, "entry property \"occurrence\" must be a whole number from 0");
        }

        private FormatException Fail(JsonNode node, string message)
        {
            Error = BaselineError.At(text, node.Position, message);
            return new FormatException(message);
        }
    }
}

/// <summary>One accepted finding: its fingerprint, why it was accepted, and where it was when it was recorded.</summary>
internal sealed class BaselineEntry(FindingFingerprint fingerprint, string? justification, string? location, string? message)
{
    public FindingFingerprint Fingerprint { get; } = fingerprint;

    public string? Justification { get; } = justification;

    /// <summary><c>CirculationDesk.cs:15</c> when the entry was written; informative only.</summary>
    public string? Location { get; } = location;

    public string? Message { get; } = message;
}
