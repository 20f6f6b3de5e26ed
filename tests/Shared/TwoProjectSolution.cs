namespace MecCompliance.Shared;

/// <summary>
/// The shared library of the two-project solution (a service, Desk, calling it) that the CLI's and the package's
/// cross-project tests build: a helper that logs, one that copies into an unclassified member, a client posting to an
/// undeclared host, a file writer. Each test project pairs it with its own Desk.
/// </summary>
internal static class TwoProjectSolution
{
    public const string SharedLibrary = """
        using MecCompliance;
        using Microsoft.Extensions.Logging;

        namespace Shared;

        public class Patron
        {
            public int Id { get; set; }
            [PersonalData] public string Email { get; set; } = "";
            [PatronRecord] public string CardNumber { get; set; } = "";
        }

        public class Notice
        {
            public string To { get; set; } = "";
        }

        public static class Audit
        {
            public static void Record(ILogger log, string text) => log.LogInformation("audit: {Text}", text);
        }

        public static class Notices
        {
            public static Notice For(string to) => new Notice { To = to };
        }

        public class Tracker
        {
            private static readonly HttpClient Http = new();

            public Task Send(string card) => Http.PostAsync("https://track.partner.example/hit", new StringContent(card));
        }

        public static class Archive
        {
            public static void Save(string path, string text) => File.WriteAllText(path, text);
        }
        """;
}
