using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Alumni.Api.Tests.Infrastructure;

/// <summary>
/// The errors every test API logged (level Error and above), kept so that a failing test can say what went wrong on
/// the server: the test host otherwise keeps the API's logs to itself, and a 500 answers only "something failed".
/// </summary>
public sealed class ServerErrors : ILoggerProvider
{
    private const int Kept = 50;
    private static readonly ConcurrentQueue<string> Recent = new();
    private static readonly Lock FileLock = new();

    /// <summary>Where every error is also written, one per line, when set (the test script sets it to its results folder).</summary>
    private static readonly string? File = Environment.GetEnvironmentVariable("ALUMNI_TEST_SERVER_ERRORS");

    /// <summary>The last few errors logged by any test API, newest last, or "" when there were none.</summary>
    public static string Describe(int count = 3)
    {
        var last = Recent.ToArray().TakeLast(count).ToArray();
        return last.Length == 0 ? "" : " Server errors logged: " + string.Join(" | ", last);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var text = $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {category}: {formatter(state, exception)} {exception}".ReplaceLineEndings(" ");
            text = text.Length > 2000 ? text[..2000] : text;
            Recent.Enqueue(text);
            if (File is not null)
            {
                lock (FileLock)
                {
                    System.IO.File.AppendAllLines(File, [text]);
                }
            }

            while (Recent.Count > Kept && Recent.TryDequeue(out _))
            {
            }
        }
    }
}
