using Bellwether.Cli;
using Bellwether.Services;
using Bellwether.Storage;

namespace Bellwether.Web;

/// <summary>What a web host serves and how: the store, where it listens, its clock, the dashboard's company and its bounds.</summary>
public sealed record WebHostOptions
{
    /// <summary>The store to serve; the host owns and disposes it.</summary>
    public required IStore Store { get; init; }

    /// <summary>Where to listen, e.g. <c>http://127.0.0.1:5000</c> (port 0 picks a free one).</summary>
    public string Urls { get; init; } = ServeCommand.DefaultUrls;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The company the dashboard shows (the API serves every workspace).</summary>
    public string Workspace { get; init; } = GlobalOptions.DefaultWorkspace;

    public ApiLimits Limits { get; init; } = new();

    /// <summary>
    /// Whether to read the Overview's plan status ahead of visitors: at start, after each change of the data and each
    /// hour (<see cref="Dashboard.Live.PageWarmer"/>). <c>serve</c> and <c>demo</c> do; a host made for a test does not.
    /// </summary>
    public bool Warm { get; init; }

    /// <summary>Where unexpected errors' traces go.</summary>
    public ErrorLog ErrorLog { get; init; } = ErrorLog.Default;

    /// <summary>A last word on the builder before the host is built (tests serve it in memory with <c>UseTestServer</c>).</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }
}
