using Bellwether.Cli;
using Bellwether.Core.Data;
using Bellwether.Core.Import;
using Bellwether.Core.Plans;
using Bellwether.Storage;
using Bellwether.Storage.DuckDb;
using Bellwether.Testing;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Web;

/// <summary>
/// A bug is a 500 — never a 400, even when it throws the ArgumentException a blanket catch used to turn into "bad
/// request" — answered with a problem that names the log line holding its trace, and never the trace itself.
/// </summary>
public sealed class UnexpectedErrorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task ABug_IsA500Problem_NamingItsLoggedTrace()
    {
        using var company = new SmallCompany();
        Assert.Equal(0, company.Import().ExitCode);
        var log = new ErrorLog(_temp.File("errors.log"));
        using var factory = new ApiFactory(() => new BrokenScenarios(DuckDbStore.Open(company.Db)), errors: log);
        using var http = factory.CreateClient();

        using var response = await http.GetAsync(new Uri("/api/v1/workspaces/default/scenarios", UriKind.Relative), TestContext.Current.CancellationToken);

        await ApiEndpointsTests.AssertProblem(response, 500, "an unexpected error (a bug in bellwether, not in the request): its trace is logged as error ");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("secret detail", body, StringComparison.Ordinal);
        Assert.Contains(log.Path, body, StringComparison.Ordinal);
        var logged = await File.ReadAllTextAsync(log.Path, TestContext.Current.CancellationToken);
        Assert.Contains("in GET /api/v1/workspaces/default/scenarios", logged, StringComparison.Ordinal);
        Assert.Contains("secret detail", logged, StringComparison.Ordinal);
        var id = body[(body.IndexOf("as error ", StringComparison.Ordinal) + 9)..][..8];
        Assert.Contains($"error {id} in", logged, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>A store whose scenarios throw what a bug deep in a call would.</summary>
    private sealed class BrokenScenarios(IStore inner) : IStore
    {
        public string Description => inner.Description;

        public long MemoryAvailable => inner.MemoryAvailable;

        public IImportSession BeginImport(string workspace) => inner.BeginImport(workspace);

        public Dataset Load(string workspace, Dataset? previous = null, IReadOnlySet<string>? tables = null) => inner.Load(workspace, previous, tables);

        public StoreStatus Status(string workspace) => inner.Status(workspace);

        public IReadOnlyList<ImportLogEntry> Imports(string workspace) => inner.Imports(workspace);

        public IReadOnlyDictionary<string, long> Versions(string workspace) => inner.Versions(workspace);

        public CompanySettings Settings(string workspace) => inner.Settings(workspace);

        public IReadOnlyDictionary<string, string> Scenarios(string workspace) => throw new ArgumentException("secret detail of a bug", nameof(workspace));

        public void SaveScenario(string workspace, string name, string definition) => inner.SaveScenario(workspace, name, definition);

        public bool DeleteScenario(string workspace, string name) => inner.DeleteScenario(workspace, name);

        public void SaveSettings(string workspace, CompanySettings settings) => inner.SaveSettings(workspace, settings);

        public IReadOnlyList<PlanChange> PlanChanges(string workspace) => inner.PlanChanges(workspace);

        public PlanChange? SetPlan(string workspace, PlanLine plan, PlanAuthor author) => inner.SetPlan(workspace, plan, author);

        public PlanChange? RemovePlan(string workspace, PlanKey key, PlanAuthor author) => inner.RemovePlan(workspace, key, author);

        public void Dispose() => inner.Dispose();
    }
}
