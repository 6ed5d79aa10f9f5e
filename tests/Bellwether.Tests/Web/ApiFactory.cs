using Bellwether.Cli;
using Bellwether.Services;
using Bellwether.Storage;
using Bellwether.Storage.DuckDb;
using Bellwether.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace Bellwether.Tests.Web;

/// <summary>
/// The web host in memory, through WebApplicationFactory: the same <see cref="WebHost.Build(WebHostOptions)"/> that
/// <c>bellwether serve</c> runs, over a real DuckDB store, with the test server in place of Kestrel. The executable's
/// entry point is the command line, not a host builder, so the factory is handed the built host instead of finding it.
/// </summary>
public sealed class ApiFactory(Func<IStore> store, ApiLimits? limits = null, ErrorLog? errors = null) : WebApplicationFactory<WebHostOptions>
{
    /// <summary>A host over the store file at <paramref name="db"/> (created empty if there is none).</summary>
    public ApiFactory(string db, ApiLimits? limits = null, ErrorLog? errors = null)
        : this(() => DuckDbStore.Open(db), limits, errors)
    {
    }

    /// <summary>Any host builder: its presence sends the factory to <see cref="CreateHost"/>, which builds ours.</summary>
    protected override IHostBuilder CreateHostBuilder() => new HostBuilder();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var app = WebHost.Build(new WebHostOptions
        {
            Store = store(),
            Limits = limits ?? new ApiLimits(),
            ErrorLog = errors ?? ErrorLog.Default,
            Configure = b => b.WebHost.UseTestServer(),
        });
        app.Start();
        return app;
    }
}
