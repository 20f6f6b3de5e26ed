namespace MecCompliance.Analyzers.Policy;

/// <summary>The classes of data a value may carry; a value may carry several.</summary>
[Flags]
internal enum DataClass
{
    None = 0,
    OrganizationalData = 1,
    PersonalData = 2,
    PatronRecord = 4,
}

internal static class DataClassExtensions
{
    /// <summary>Classes that may never reach a log or unapproved storage (DESIGN §3).</summary>
    public const DataClass Protected = DataClass.PersonalData | DataClass.PatronRecord;

    public static bool IsProtected(this DataClass value) => (value & Protected) != 0;

    public static string ToDisplayString(this DataClass value)
    {
        if (value == DataClass.None)
        {
            return "unclassified";
        }

        var parts = new List<string>(3);
        if ((value & DataClass.PatronRecord) != 0)
        {
            parts.Add("PatronRecord");
        }

        if ((value & DataClass.PersonalData) != 0)
        {
            parts.Add("PersonalData");
        }

        if ((value & DataClass.OrganizationalData) != 0)
        {
            parts.Add("OrganizationalData");
        }

        return string.Join(", ", parts);
    }

    /// <summary>The attribute to write in source for the strictest class in <paramref name="value"/>.</summary>
    public static string ToAttributeName(this DataClass value) =>
        (value & DataClass.PatronRecord) != 0 ? "PatronRecord"
        : (value & DataClass.PersonalData) != 0 ? "PersonalData"
        : "OrganizationalData";
}
