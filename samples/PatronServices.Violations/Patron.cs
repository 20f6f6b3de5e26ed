using MecCompliance;

namespace PatronServices.Violations;

public sealed class Patron
{
    public int Id { get; set; }

    [PatronRecord]
    public string CardNumber { get; set; } = "";

    [PersonalData]
    public string Email { get; set; } = "";
}

/// <summary>An overdue notice queued for the mail room; its recipient is not classified.</summary>
public sealed class OverdueNotice
{
    public string Recipient { get; set; } = "";

    public int DaysOverdue { get; set; }
}

[Vendor("OverDrive")]
public interface IOverDrive
{
    Task CheckoutAsync([PatronRecord] string cardNumber, string titleId);
}

[DataSink("PatronDb")]
public interface IPatronStore
{
    Task SaveAsync(Patron patron);
}
