using System.Text;
using System.Text.Json;
using Bellwether.Cli;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Web;

/// <summary>
/// A scenario change that names a rep, team or slice value the data does not have would change nothing and say
/// nothing; it is a mistake naming the value and the nearest that exist, at the API and the command line alike.
/// </summary>
public sealed class ScenarioNamesTests : IDisposable
{
    private const string Ws = "/api/v1/workspaces/default";

    private readonly SmallCompany _company = new();
    private readonly ApiFactory _factory;
    private readonly HttpClient _http;

    public ScenarioNamesTests()
    {
        var import = CliRunner.Run("import", _company.Folder, "--db", _company.Db, "--report", _company.Report);
        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
        _factory = new ApiFactory(_company.Db);
        _http = _factory.CreateClient();
    }

    public static TheoryData<string, string> Typos => new()
    {
        { "remove_rep=R9 from 2025-08-01", "set change 1 (remove_rep): \"rep=R9\": R9 is not a rep of this workspace (nearest: R1, R2" },
        { "win_rate[vertical=retial]=+10%", "set change 1 (win_rate): \"vertical=retial\": retial is not a vertical of this workspace (nearest: retail)" },
        { "add_reps=2 from 2025-08-01 team Eest", "set change 1 (add_reps): \"team=Eest\": Eest is not a team of this workspace (nearest: East)" },
        { "deal_size[service_line=Consultng]=+5%", "set change 1 (deal_size): \"service_line=Consultng\": Consultng is not a service line of this workspace (nearest: Consulting)" },
    };

    public void Dispose()
    {
        _http.Dispose();
        _factory.Dispose();
        _company.Dispose();
    }

    [Theory]
    [MemberData(nameof(Typos))]
    public async Task AWhatIfNamingWhatTheDataDoesNotHave_IsAMistakeWithTheNearestValues(string change, string expected)
    {
        using var response = await Send(HttpMethod.Post, Ws + "/forecast/what-if?name=bookings&period=2025-Q3&as_of=2025-06-30", change);

        Assert.StartsWith(expected, await RequestBudgetTests.ProblemDetail(response, 400), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Typos))]
    public async Task ASavedScenarioNamingWhatTheDataDoesNotHave_IsRefusedAndNotSaved(string change, string expected)
    {
        using var response = await Send(HttpMethod.Put, Ws + "/scenarios/typo", change);

        Assert.StartsWith(expected, await RequestBudgetTests.ProblemDetail(response, 400), StringComparison.Ordinal);
        using var saved = await _http.GetAsync(new Uri(Ws + "/scenarios/typo", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(404, (int)saved.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Typos))]
    public void TheCommandLine_RefusesTheSameScenarioInOneLine(string change, string expected)
    {
        var refused = CliRunner.Run("scenario", "new", "typo", "--set", change, "--db", _company.Db);

        Assert.True(refused.ExitCode == ExitCodes.Failed, refused.ToString());
        Assert.StartsWith("bellwether: --" + expected, refused.Err, StringComparison.Ordinal);
        Assert.Single(refused.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("[]", CliRunner.Run("scenario", "list", "--db", _company.Db, "--format", "json").Out.Trim());
    }

    [Fact]
    public async Task NamesThatExist_AreAccepted()
    {
        using var response = await Send(HttpMethod.Post, Ws + "/forecast/what-if?name=bookings&period=2025-Q3&as_of=2025-06-30", "remove_rep=R1 from 2025-08-01", "win_rate[vertical=retail]=+10%", "add_reps=2 from 2025-08-01 team East");

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, params string[] changes)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(new { set = changes }), Encoding.UTF8, "application/json"),
        };
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
