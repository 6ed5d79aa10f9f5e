using System.Text;
using System.Text.Json;
using Bellwether.Cli;
using Bellwether.Services;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Web;

/// <summary>
/// The bounds of one request, through the real host over a real store: past its time budget it is stopped and
/// answered 503; work whose estimate exceeds the memory budget is refused before it starts (422), while the same
/// question asked smaller is answered; the command line refuses the same way, in one line.
/// </summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class RequestBudgetTests : IDisposable
{
    private const string Ws = "/api/v1/workspaces/default";
    private const string Forecast = Ws + "/forecast/what-if?name=bookings&period=2025-Q3&as_of=2025-06-30";

    private readonly SmallCompany _company = new();

    public RequestBudgetTests()
    {
        var import = CliRunner.Run("import", _company.Folder, "--db", _company.Db, "--report", _company.Report);
        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
    }

    public void Dispose() => _company.Dispose();

    [Fact]
    public async Task ARequestPastItsTimeBudget_IsA503ProblemThatSaysTheBudgetAndHowToAskForLess()
    {
        // A budget of zero is spent before the request starts: the engine's first check stops it, whatever the machine's speed.
        using var factory = new ApiFactory(_company.Db, new ApiLimits { TimeBudget = TimeSpan.Zero });
        using var http = factory.CreateClient();

        using var response = await http.GetAsync(new Uri(Ws + "/forecast?name=bookings&period=2025-Q3&as_of=2025-06-30", UriKind.Relative), TestContext.Current.CancellationToken);

        var detail = await ProblemDetail(response, 503);
        Assert.StartsWith("the answer took longer than the 0 ms a request may compute, and was stopped: ask for a shorter period, a coarser grain", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkPastTheMemoryBudget_IsRefusedBeforeItStarts_AndSmallerWorkIsAnswered()
    {
        using var factory = new ApiFactory(_company.Db, new ApiLimits { MemoryBytes = 1L << 20 });
        using var http = factory.CreateClient();

        // 1,003 reps' creation in 2,000 futures: some 16 MB of draws, past a 1 MB budget.
        using var army = await WhatIf(http, "add_reps=1000 from 2025-07-01");
        var detail = await ProblemDetail(army, 422);
        Assert.StartsWith("a forecast of bookings over 1 period(s) in 2,000 futures would take about ", detail, StringComparison.Ordinal);
        Assert.Contains(" MB of memory, more than the 1 MB this process gives its work: forecast fewer indicators", detail, StringComparison.Ordinal);

        using var few = await WhatIf(http, "add_reps=2 from 2025-07-01");
        Assert.True(few.IsSuccessStatusCode, await few.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RefusedWork_DoesNotGrowTheProcess()
    {
        const long budget = 64L << 20;
        using var factory = new ApiFactory(_company.Db, new ApiLimits { MemoryBytes = budget });
        using var http = factory.CreateClient();
        using (var warm = await WhatIf(http, "win_rate=+1%"))
        {
            Assert.True(warm.IsSuccessStatusCode);
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < 5; i++)
        {
            // 100 changes of 1,000 reps each: the most a scenario may add, some 1.6 GB of futures if it were simulated.
            using var army = await WhatIf(http, [.. Enumerable.Repeat("add_reps=1000 from 2025-07-01", 100)]);
            await ProblemDetail(army, 422);
        }

        var growth = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.True(growth < budget, $"the process grew by {growth:N0} bytes refusing work past a {budget:N0}-byte budget");
    }

    [Fact]
    public void TheCommandLine_RefusesWorkPastItsMemoryBudgetInOneLine()
    {
        var saved = CliRunner.Run("scenario", "new", "army", "--set", "add_reps=1000 from 2025-07-01", "--db", _company.Db);
        Assert.True(saved.ExitCode == ExitCodes.Ok, saved.ToString());

        var refused = CliRunner.RunWithEnvironment(
            new Dictionary<string, string> { [CliContext.MemoryBudgetVariable] = "1" },
            "forecast", "bookings", "--scenario", "army", "--period", "2025-Q3", "--as-of", "2025-06-30", "--db", _company.Db);

        Assert.True(refused.ExitCode == ExitCodes.Failed, refused.ToString());
        Assert.StartsWith("bellwether: a forecast of bookings over 1 period(s) in 2,000 futures would take about ", refused.Err, StringComparison.Ordinal);
        Assert.Contains("more than the 1 MB this process gives its work", refused.Err, StringComparison.Ordinal);
        Assert.Single(refused.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void ACompanyLargerThanTheProcessMayHold_IsRefusedBeforeItLoads_AndStatusStillAnswers()
    {
        var deals = File.ReadAllLines(Path.Combine(_company.Folder, "opportunities.csv")).Length - 1;
        var limited = new Dictionary<string, string> { [CliContext.HeapHardLimitVariable] = "0x400" };

        var refused = CliRunner.RunWithEnvironment(limited, "indicators", "win_rate", "--period", "2025-Q2", "--db", _company.Db);
        var status = CliRunner.RunWithEnvironment(limited, "status", "--db", _company.Db);
        var roomy = CliRunner.RunWithEnvironment(new Dictionary<string, string> { [CliContext.HeapHardLimitVariable] = "0x100000000" }, "indicators", "win_rate", "--period", "2025-Q2", "--db", _company.Db);

        Assert.True(refused.ExitCode == ExitCodes.Failed, refused.ToString());
        Assert.StartsWith($"bellwether: The company of workspace default in DuckDB file {_company.Db} ({deals:#,0} deals", refused.Err, StringComparison.Ordinal);
        Assert.Contains("more than the 1 KB this process may use", refused.Err, StringComparison.Ordinal);
        Assert.Single(refused.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(status.ExitCode == ExitCodes.Ok, status.ToString());
        Assert.Contains("this process may use 1 KB — too little: indicators, forecasts and the dashboard refuse it", status.Out, StringComparison.Ordinal);
        Assert.True(roomy.ExitCode == ExitCodes.Ok, roomy.ToString());
        Assert.Contains("; this process may use 4 GB.", CliRunner.RunWithEnvironment(new Dictionary<string, string> { [CliContext.HeapHardLimitVariable] = "0x100000000" }, "status", "--db", _company.Db).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedMemoryBudget_IsOneLine()
    {
        var refused = CliRunner.RunWithEnvironment(
            new Dictionary<string, string> { [CliContext.MemoryBudgetVariable] = "lots" },
            "forecast", "bookings", "--period", "2025-Q3", "--as-of", "2025-06-30", "--db", _company.Db);

        Assert.Equal("bellwether: BELLWETHER_MEMORY_MB=lots: the memory budget is a whole number of megabytes, e.g. 4096\n", refused.Err.ReplaceLineEndings("\n"));
    }

    private static async Task<HttpResponseMessage> WhatIf(HttpClient http, params string[] changes)
    {
        using var body = new StringContent(JsonSerializer.Serialize(new { set = changes }), Encoding.UTF8, "application/json");
        return await http.PostAsync(new Uri(Forecast, UriKind.Relative), body, TestContext.Current.CancellationToken);
    }

    /// <summary>The detail of a problem document of that status, which names no .NET type.</summary>
    internal static async Task<string> ProblemDetail(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == (int)response.StatusCode, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.GetProperty("detail").GetString()!;
    }
}

/// <summary>Tests that measure the process's memory run alone: other tests' allocations would blur the measurement.</summary>
[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;
