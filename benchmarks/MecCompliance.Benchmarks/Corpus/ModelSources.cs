namespace MecCompliance.Benchmarks.Corpus;

/// <summary>One branch's domain model: classified patrons, loans that hold them, classified types, organizational data and unclassified look-alikes.</summary>
internal static class ModelSources
{
    private static readonly string[] PatronExtras =
    [
        "public bool PrefersSms { get; set; }",
        "public string PreferredLanguage { get; set; } = \"en\";",
        "public DateTime? LastActivityUtc { get; set; }",
        "public int NoticeCount { get; set; }",
        "public bool OptedOutOfHistory { get; set; }",
        "public int MaxHolds { get; set; } = 10;",
        "public string? PickupLocationCode { get; set; }",
        "public bool ReceivesNewsletter { get; set; }",
    ];

    private static readonly string[] ItemExtras =
    [
        "public string? Isbn { get; set; }",
        "public int PublicationYear { get; set; }",
        "public string Format { get; set; } = \"Book\";",
        "public string? CallNumber { get; set; }",
        "public bool IsReference { get; set; }",
        "public decimal ReplacementCost { get; set; } = 25m;",
    ];

    public static string Models(TemplateContext ctx)
    {
        var patronExtras = string.Join("\n", ctx.Choose(PatronExtras, ctx.Next(2, PatronExtras.Length)).Select(p => "    " + p + "\n"));
        var itemExtras = string.Join("\n", ctx.Choose(ItemExtras, ctx.Next(1, ItemExtras.Length)).Select(p => "    " + p + "\n"));
        var contactMember = ctx.Plant("MEC005")
            ? "/* planted: MEC005 */ public string? ContactEmail { get; set; }"
            : "public string? ContactChannel { get; set; }";
        return $$"""
            using System;
            using System.Collections.Generic;
            using MecCompliance;

            namespace {{ctx.Namespace}};

            public enum PatronCategory
            {
                Adult,
                Juvenile,
                Staff,
                Institutional,
            }

            public enum HoldStatus
            {
                Waiting,
                InTransit,
                Ready,
                Expired,
                Cancelled,
            }

            /// <summary>A registered borrower of a member library.</summary>
            public sealed class Patron
            {
                public int Id { get; set; }

                [PatronRecord]
                public string CardNumber { get; set; } = "";

                [PersonalData]
                public string FullName { get; set; } = "";

                [PersonalData]
                public string Email { get; set; } = "";

                [PersonalData]
                public string Phone { get; set; } = "";

                [PersonalData]
                public DateOnly BirthDate { get; set; }

                [PersonalData]
                public string? MailingAddress { get; set; }

                public int HomeBranchId { get; set; }

                public PatronCategory Category { get; set; }

                public bool IsActive { get; set; } = true;

                public DateTime CreatedUtc { get; set; }

                public decimal FinesDue { get; set; }

                public int CheckoutLimit { get; set; } = 25;

            {{patronExtras}}
                public bool CanBorrow(int activeLoans) => IsActive && FinesDue < 10m && activeLoans < CheckoutLimit;
            }

            /// <summary>A checkout: what a patron borrowed is a library record (RSMo 182.815).</summary>
            public sealed class Loan
            {
                public long Id { get; set; }

                public Patron Patron { get; set; } = new();

                [PatronRecord]
                public string ItemBarcode { get; set; } = "";

                [PatronRecord]
                public string Title { get; set; } = "";

                public int BranchId { get; set; }

                public DateTime CheckedOutUtc { get; set; }

                public DateTime DueUtc { get; set; }

                public DateTime? ReturnedUtc { get; set; }

                public int RenewalCount { get; set; }

                public bool IsOverdue(DateTime nowUtc) => ReturnedUtc is null && DueUtc < nowUtc;

                public int DaysOverdue(DateTime nowUtc) => IsOverdue(nowUtc) ? (int)(nowUtc - DueUtc).TotalDays : 0;
            }

            /// <summary>A request to borrow an item when it becomes available.</summary>
            public sealed class Hold
            {
                public long Id { get; set; }

                public Patron Patron { get; set; } = new();

                [PatronRecord]
                public string Title { get; set; } = "";

                public int PickupBranchId { get; set; }

                public int Position { get; set; }

                public HoldStatus Status { get; set; }

                public DateTime PlacedUtc { get; set; }

                public DateTime? ExpiresUtc { get; set; }
            }

            /// <summary>What a patron searched for: a library record as a whole.</summary>
            [PatronRecord]
            public sealed record SearchQuery(int PatronId, string Terms, DateTime AtUtc);

            /// <summary>A member library of the consortium.</summary>
            [OrganizationalData]
            public sealed class MemberLibrary
            {
                public int Id { get; set; }

                public string Name { get; set; } = "";

                public string Address { get; set; } = "";

                public string Director { get; set; } = "";

                public int BranchCount { get; set; }
            }

            /// <summary>A catalogue item: bibliographic data, not a record of any patron.</summary>
            public sealed class CatalogItem
            {
                public string Barcode { get; set; } = "";

                public string Title { get; set; } = "";

                public string Author { get; set; } = "";

                public int Copies { get; set; }

            {{itemExtras}}
            }

            /// <summary>Aggregate counts that may be logged and exported freely.</summary>
            public sealed class LoanSummary
            {
                public int PatronId { get; set; }

                public int ActiveLoans { get; set; }

                public int Overdue { get; set; }

                public decimal FinesDue { get; set; }

                public IReadOnlyList<long> LoanIds { get; set; } = Array.Empty<long>();
            }

            /// <summary>How notices are delivered; channel settings only.</summary>
            public sealed class NoticePreferences
            {
                public int PatronId { get; set; }

                public bool ByEmail { get; set; } = true;

                public bool BySms { get; set; }

                {{contactMember}}
            }
            """;
    }
}
