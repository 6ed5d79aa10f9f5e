using System.Text.Json;
using Bellwether.Cli;
using Bellwether.Storage.DuckDb;
using Bellwether.Testing;
using Bellwether.Tests.Testing;
using Bellwether.Web;
using Microsoft.AspNetCore.Builder;

namespace Bellwether.Tests.Cli;

/// <summary>
/// <c>bellwether import FOLDER</c> while <c>serve</c> holds the store: the folder goes through the running server (a
/// real listener here, as a user's would be), and the command prints what a local import prints, with its exit code.
/// </summary>
public sealed class HeldStoreImportTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly SmallCompany _company = new();
    private WebApplication? _server;
    private IDisposable? _note;
    private string _db = "";
    private string _address = "";

    public async ValueTask InitializeAsync()
    {
        _db = _temp.File("held.duckdb");
        _server = WebHost.Build(DuckDbStore.Open(_db), "http://127.0.0.1:0", TimeProvider.System);
        await _server.StartAsync(TestContext.Current.CancellationToken);
        _address = WebHost.Address(_server);
        _note = StoreHolder.Leave(_db, StoreHolder.Current("serve", _address));
    }

    public async ValueTask DisposeAsync()
    {
        _note?.Dispose();
        if (_server is not null)
        {
            await _server.StopAsync(TestContext.Current.CancellationToken);
            await _server.DisposeAsync();
        }

        _company.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task AFolder_IsImportedThroughTheServer_AsIfLocally()
    {
        var result = CliRunner.Run("import", _company.Folder, "--db", _db, "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.StartsWith($"importing through bellwether serve at {_address} (it holds the store)", result.Err, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(result.Out);
        Assert.True(summary.RootElement.GetProperty("stored").GetBoolean());
        using var http = new HttpClient { BaseAddress = new Uri(_address) };
        using var status = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/workspaces/default/status", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Contains(status.RootElement.GetProperty("files").EnumerateArray(), f => f.GetProperty("file").GetString() == "reps.csv" && f.GetProperty("rows").GetInt32() == 3);
    }

    [Fact]
    public void ARejectedFolder_SaysWhyThroughTheServer_WithTheImportsExitCode()
    {
        _company.Write("quotas.csv", "rep_id,period,amount\nR1,2025-Q5,10000");

        var result = CliRunner.Run("import", _company.Folder, "--db", _db);

        Assert.Equal(ExitCodes.ImportRejected, result.ExitCode);
        Assert.Contains("quotas.csv:2 period: \"2025-Q5\" is not a period: a quarter is Q1 to Q4", result.Err, StringComparison.Ordinal);
        Assert.EndsWith("bellwether: import rejected, nothing stored: 1 error", result.Err.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("Rejected: nothing stored", result.Out, StringComparison.Ordinal);
    }
}
