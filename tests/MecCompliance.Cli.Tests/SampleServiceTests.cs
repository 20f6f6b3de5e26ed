using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace MecCompliance.Cli.Tests;

/// <summary>
/// samples/PatronServices run as a real process on a loopback port: what its log shows is what an operator would see.
/// </summary>
public sealed class SampleServiceTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Card_number_of_a_registered_patron_is_erased_from_the_log_and_organizational_data_is_not()
    {
        await using var service = await PatronService.StartAsync();
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var registered = await http.PostAsJsonAsync("/patrons", new { cardNumber = "21491000777", name = "Dee Example", email = "dee@example.org", homeLibraryId = 2 });
        var renamed = await http.PutAsync("/libraries/2/name?name=Boone%20Regional%20Library", content: null);

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var registration = await service.WaitForLogAsync("Registered patron");
        Assert.Contains("with card  at library 2", registration);
        var log = await service.WaitForLogAsync("is now listed as");
        Assert.Contains("Library 2 is now listed as Boone Regional Library", log);
        Assert.DoesNotContain("21491000777", service.Output);
        Assert.DoesNotContain("dee@example.org", service.Output);
    }

    [Fact]
    public async Task Erasing_a_patron_answers_with_a_receipt_and_audits_the_erasure_without_the_patron()
    {
        await using var service = await PatronService.StartAsync();
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var registered = await http.PostAsJsonAsync("/patrons", new { cardNumber = "21491000888", name = "Eve Example", email = "eve@example.org", homeLibraryId = 1 });
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var hold = await http.PostAsync($"/patrons/{id}/holds?title=Roughing%20It", content: null);

        using var erased = await http.DeleteAsync($"/patrons/{id}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (hold.StatusCode, erased.StatusCode));
        var receipt = await erased.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(receipt.GetProperty("allErased").GetBoolean());
        var sink = Assert.Single(receipt.GetProperty("sinks").EnumerateArray());
        Assert.Equal(("PatronDb", "Erased", 35), (sink.GetProperty("sink").GetString(), sink.GetProperty("outcome").GetString(), sink.GetProperty("backupRetentionDays").GetInt32()));
        Assert.InRange(sink.GetProperty("mayPersistOnBackupsUntil").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddDays(35).AddMinutes(-10), DateTimeOffset.UtcNow.AddDays(35));

        // The patron is gone: no hold can be placed for them any more.
        using var afterwards = await http.PostAsync($"/patrons/{id}/holds?title=Roughing%20It", content: null);
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
        var audit = await service.WaitForLogAsync("MEC erasure:");
        Assert.Contains("MEC erasure: subject (not recorded: no HmacKey) erased from sink PatronDb by PatronServices.Patrons.PatronEraser; may persist on backups until ", audit);
        Assert.DoesNotContain("eve@example.org", service.Output);
        Assert.DoesNotContain("21491000888", service.Output);
    }

    private sealed class PatronService : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly string _database;

        private PatronService(Process process, Uri baseAddress, string database)
        {
            _process = process;
            BaseAddress = baseAddress;
            _database = database;
        }

        public Uri BaseAddress { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static async Task<PatronService> StartAsync()
        {
            var configuration = typeof(SampleServiceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "configuration").Value;
            var folder = Repository.PathOf($"samples/PatronServices/bin/{configuration}/net10.0");
            var port = FreeLoopbackPort();
            var database = Path.Combine(Path.GetTempPath(), $"mec-patrons-{Guid.NewGuid():N}.db");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { Path.Combine(folder, "PatronServices.dll"), "--urls", $"http://127.0.0.1:{port}", "--ConnectionStrings:PatronDb", $"Data Source={database}" })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("The sample service did not start.");
            var service = new PatronService(process, new Uri($"http://127.0.0.1:{port}"), database);
            process.OutputDataReceived += (_, e) => service.Append(e.Data);
            process.ErrorDataReceived += (_, e) => service.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await service.WaitForLogAsync("Now listening on", StartTimeout);
            return service;
        }

        public async Task<string> WaitForLogAsync(string text, TimeSpan? timeout = null)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(20)))
            {
                var lines = Output.Split('\n');
                var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
                if (index >= 0)
                {
                    return lines[index];
                }

                if (_process.HasExited)
                {
                    break;
                }

                await Task.Delay(100);
            }

            throw new TimeoutException($"The sample service never logged '{text}'. Its output:{Environment.NewLine}{Output}");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            foreach (var file in new[] { _database, _database + "-shm", _database + "-wal" })
            {
                File.Delete(file);
            }
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (_output)
                {
                    _output.Append(line).Append('\n');
                }
            }
        }

        private static int FreeLoopbackPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
