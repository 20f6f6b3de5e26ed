using System;
using MecCompliance;

namespace ValidCode.Models;

/// <summary>A library patron as the circulation service keeps it.</summary>
public sealed class Patron
{
    public int Id { get; set; }

    public int HomeBranchId { get; set; }

    [PatronRecord]
    public string CardNumber { get; set; } = "";

    [PersonalData]
    public string FirstName { get; set; } = "";

    [PersonalData]
    public string LastName { get; set; } = "";

    [PersonalData]
    public string Email { get; set; } = "";

    [PersonalData]
    public string? PhoneNumber { get; set; }

    [PersonalData]
    public DateOnly DateOfBirth { get; set; }

    public PatronAddress? HomeAddress { get; set; }

    public bool IsEmailConfirmed { get; set; }

    public bool PhoneNumberConfirmed { get; set; }

    public ContactMethod PreferredContact { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A postal address; its parts are personal data.</summary>
public sealed class PatronAddress
{
    [PersonalData]
    public string Street { get; set; } = "";

    [PersonalData]
    public string City { get; set; } = "";

    [PersonalData]
    public string PostalCode { get; set; } = "";

    public string State { get; set; } = "MO";
}

/// <summary>What a patron borrowed: a library record under RSMo 182.815 in its entirety.</summary>
[PatronRecord]
public sealed class Loan
{
    public int Id { get; set; }

    public string ItemBarcode { get; set; } = "";

    public DateOnly DueDate { get; set; }

    public int PatronId { get; set; }
}

/// <summary>A hold placed at the desk.</summary>
public sealed record HoldRequest(int Id, [PatronRecord] string CardNumber, string ItemBarcode, [property: PersonalData] string NotifyEmail);

/// <summary>How a patron prefers to be reached.</summary>
public enum ContactMethod
{
    Email,
    Phone,
    Mail,
}
