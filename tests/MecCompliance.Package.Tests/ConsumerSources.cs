namespace MecCompliance.Package.Tests;

/// <summary>The code of the consumer projects: one everyday violation, and the same service written correctly.</summary>
internal static class ConsumerSources
{
    public const string Patron = """
        using MecCompliance;

        namespace Consumer;

        public sealed class Patron
        {
            [PatronRecord] public string CardNumber { get; set; } = "";

            [PersonalData] public string Email { get; set; } = "";

            public int Id { get; set; }
        }
        """;

    /// <summary>Line 9 logs the card number: MEC001.</summary>
    public const string LeakingCheckout = """
        using Microsoft.Extensions.Logging;

        namespace Consumer;

        public sealed class CheckoutService(ILogger<CheckoutService> logger)
        {
            public void CheckOut(Patron patron)
            {
                logger.LogInformation("Checked out for {Card}", patron.CardNumber);
            }
        }
        """;

    /// <summary>A vendor approval without a name: MEC004, a second rule to tell the modes apart per id.</summary>
    public const string InvalidPolicy = """
        using MecCompliance;

        [assembly: ApprovedVendor("", typeof(PersonalDataAttribute))]
        """;

    public const string CorrectCheckout = """
        using MecCompliance;
        using Microsoft.Extensions.Logging;

        [assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))]

        namespace Consumer;

        public sealed class CheckoutService(ILogger<CheckoutService> logger)
        {
            public void CheckOut(Patron patron)
            {
                logger.LogInformation("Checked out for patron {Id}", patron.Id);
                if (string.IsNullOrEmpty(patron.CardNumber))
                {
                    logger.LogWarning("Patron {Id} has no card on file ({Length} characters)", patron.Id, patron.CardNumber.Length);
                }
            }
        }

        [DataSink("PatronDb")]
        public interface IPatronStore
        {
            void Remove(int patronId);
        }

        /// <summary>PatronDb holds personal data, so it needs an eraser that reaches it (MEC007, MEC008).</summary>
        public sealed class PatronErasure(IPatronStore store)
        {
            [ErasesPersonalData("PatronDb")]
            public void Erase(int patronId) => store.Remove(patronId);
        }
        """;

    /// <summary>The runtime package's entry point, as an application wires it: must compile without a warning too.</summary>
    public const string Startup = """
        using MecCompliance.Redaction;
        using Microsoft.Extensions.DependencyInjection;

        namespace Consumer;

        public static class Startup
        {
            public static IServiceCollection AddCheckout(this IServiceCollection services) =>
                services.AddLogging(logging => logging.AddMecCompliance());
        }
        """;
}
