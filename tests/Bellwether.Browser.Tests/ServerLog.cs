using Microsoft.Extensions.Logging;

namespace Bellwether.Browser.Tests;

/// <summary>The host's warnings and errors (a circuit's unhandled exception among them), kept for the tests to show.</summary>
public sealed class ServerLog : ILoggerProvider
{
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ServerLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Data protection's note about keys kept in memory only is expected here.
            if (!IsEnabled(logLevel) || category.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal))
            {
                return;
            }

            lock (log._entries)
            {
                log._entries.Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
            }
        }
    }
}
