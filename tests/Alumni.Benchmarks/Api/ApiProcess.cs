using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;

namespace Alumni.Benchmarks.Api;

/// <summary>
/// The real API as a separate process (<c>dotnet api/bin/Release/net10.0/Alumni.Api.dll</c>) on 127.0.0.1 and a free
/// port, over a given SQLite database, with mail written into a folder. Killed (with anything it started) on dispose.
/// </summary>
public sealed partial class ApiProcess : IAsyncDisposable
{
    public const string AdminEmail = "bench@alumni.test";

    private readonly Process process;
    private readonly StreamWriter log;

    private ApiProcess(Process process, StreamWriter log, Uri baseAddress, string mailDirectory, string logPath)
    {
        this.process = process;
        this.log = log;
        BaseAddress = baseAddress;
        MailDirectory = mailDirectory;
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }

    public string MailDirectory { get; }

    public string LogPath { get; }

    public int ProcessId => process.Id;

    /// <summary>The repository this program was built from.</summary>
    public static string RepoRoot =>
        typeof(ApiProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public static string ApiDll => Path.Combine(RepoRoot, "api", "bin", "Release", "net10.0", "Alumni.Api.dll");

    /// <summary>Builds the API in Release (<c>dotnet build api -c Release</c>), as the benchmarks run it.</summary>
    public static void BuildRelease()
    {
        Console.WriteLine("$ dotnet build api -c Release");
        var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(RepoRoot, "api"), "-c", "Release", "-nologo", "-clp:ErrorsOnly"])
        {
            WorkingDirectory = RepoRoot,
        }) ?? throw new InvalidOperationException("Could not start dotnet build.");
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build api -c Release failed ({build.ExitCode}).");
        }
    }

    /// <summary>
    /// Starts the API over the database and waits until it answers /health/ready; with more settings as environment
    /// variables (<c>Smtp__Host</c>), another build of it (<paramref name="apiDll"/>, the Release build unless given) and
    /// its log named <paramref name="name"/>.log in the work folder.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(string connectionString, string workFolder, TimeSpan? readyTimeout = null,
        IReadOnlyDictionary<string, string>? environment = null, string? apiDll = null, string name = "api")
    {
        var dll = apiDll ?? ApiDll;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the API first (dotnet build api -c Release).");
        }

        var port = FreePort();
        var mail = Path.Combine(workFolder, "mail");
        Directory.CreateDirectory(mail);
        var logPath = Path.Combine(workFolder, name + ".log");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Alumni"] = connectionString;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Alumni__BootstrapAdmins__0"] = AdminEmail;
        start.Environment["Smtp__MailDirectory"] = mail;
        start.Environment["Web__DistPath"] = Path.Combine(workFolder, "no-web-app");
        start.Environment["Imports__Directory"] = Path.Combine(workFolder, "imports");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the API.");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, log, new Uri($"http://127.0.0.1:{port}"), mail, logPath);
        try
        {
            await api.WaitReadyAsync(readyTimeout ?? TimeSpan.FromMinutes(2));
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client for the API (loopback only), optionally with an API key.</summary>
    public HttpClient Client(string? apiKey = null, int connections = 64)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            PooledConnectionLifetime = TimeSpan.FromMinutes(30),
        })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromMinutes(10),
        };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>
    /// Signs in as the bootstrap admin through the real code flow (the code read from the newest .eml in the mail
    /// folder) and creates an API key with these scopes; returns its secret.
    /// </summary>
    public async Task<string> CreateApiKeyAsync(params string[] scopes)
    {
        using var client = Client();
        var before = DateTime.UtcNow;
        var requested = await client.PostAsJsonAsync("/api/auth/code", new { email = AdminEmail });
        await Expect(requested, HttpStatusCode.Accepted, "code request");
        var code = await NewestCodeAsync(before);
        var signedIn = await client.PostAsJsonAsync("/api/auth/session", new { email = AdminEmail, code });
        await Expect(signedIn, HttpStatusCode.OK, "sign-in");
        var csrf = (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrfToken").GetString()!;
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/admin/api-keys")
        {
            Content = JsonContent.Create(new { name = $"Benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}", scopes }),
        };
        create.Headers.Add("X-CSRF-Token", csrf);
        var created = await client.SendAsync(create);
        await Expect(created, HttpStatusCode.Created, $"API key creation (scopes {string.Join(", ", scopes)})");
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    /// <summary>The API process's memory from /proc: the peak resident set (VmHWM) and the current one (VmRSS), in bytes.</summary>
    public (long PeakResident, long Resident) Memory()
    {
        long hwm = 0, rss = 0;
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line);
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
        }

        return (hwm, rss);
    }

    public bool HasExited => process.HasExited;

    /// <summary>Kills the process at once (SIGKILL: no shutdown, no flushing), as a crash would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = Client();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {process.ExitCode} while starting; see {LogPath}.");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The API was not ready within {timeout.TotalSeconds:N0} s; see {LogPath}.");
    }

    private async Task<string> NewestCodeAsync(DateTime notBefore)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var newest = new DirectoryInfo(MailDirectory).GetFiles("*.eml")
                .Where(f => f.LastWriteTimeUtc >= notBefore.AddSeconds(-1))
                .OrderByDescending(f => f.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (newest is not null)
            {
                var message = await MimeMessage.LoadAsync(newest.FullName);
                var match = Code().Match(message.TextBody ?? message.HtmlBody ?? "");
                if (match.Success)
                {
                    return match.Value;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No sign-in code arrived in {MailDirectory}.");
    }

    private static async Task Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{what}: expected {(int)status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"\b[A-HJ-NP-Z2-9]{6}\b")]
    private static partial Regex Code();
}
