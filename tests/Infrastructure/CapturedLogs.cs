using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Alumni.Api.Tests.Infrastructure;

/// <summary>A logger provider that keeps every entry written through it, for tests of what the API logs.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> entries = new();

    /// <summary>One log entry: its category, level, message and exception.</summary>
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    /// <summary>Every entry so far, in order.</summary>
    public IReadOnlyList<Entry> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
    }
}
