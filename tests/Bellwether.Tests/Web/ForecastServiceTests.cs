using Bellwether.Core.Budget;
using Bellwether.Indicators;
using Bellwether.Services;
using Bellwether.Storage.DuckDb;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Web;

/// <summary>
/// The web host's fitted models: one per instant and version of the store's data, sharing each month's learning, and
/// never an old model after an import.
/// </summary>
public sealed class ForecastServiceTests : IDisposable
{
    private const string Workspace = "default";
    private static readonly DateTimeOffset Early = new(2025, 3, 20, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Late = new(2025, 3, 25, 0, 0, 0, TimeSpan.Zero);

    private readonly SmallCompany _company = new();

    public ForecastServiceTests()
    {
        var import = _company.Import();
        Assert.True(import.ExitCode == 0, import.ToString());
    }

    [Fact]
    public void AModel_IsKeptPerInstant_AndInstantsOfAMonthShareTheirLearning()
    {
        using var store = DuckDbStore.Open(_company.Db);
        using var indicators = new IndicatorService(store);
        using var forecasts = new ForecastService(store, indicators, MemoryBudget.Unlimited);

        var early = forecasts.Model(Workspace, Early, TestContext.Current.CancellationToken);
        var late = forecasts.Model(Workspace, Late, TestContext.Current.CancellationToken);

        // Each request gets its own view of the kept model (its budget); the fitted parts behind it are the same.
        Assert.Same(early.Known, forecasts.Model(Workspace, Early, TestContext.Current.CancellationToken).Known);
        Assert.NotSame(early.Known, late.Known);
        Assert.Equal(Early, early.AsOf);
        Assert.Equal(Late, late.AsOf);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), early.LearnedAt);
        Assert.Equal(early.LearnedAt, late.LearnedAt);
    }

    [Fact]
    public void AnImport_RefitsEveryInstant_WithTheNewData()
    {
        using var store = DuckDbStore.Open(_company.Db);
        using var indicators = new IndicatorService(store);
        using var forecasts = new ForecastService(store, indicators, MemoryBudget.Unlimited);
        var before = forecasts.Model(Workspace, Early, TestContext.Current.CancellationToken);
        var beforeLate = forecasts.Model(Workspace, Late, TestContext.Current.CancellationToken);

        using (var session = store.BeginImport(Workspace))
        {
            // O3 was won on 2025-03-10, before both instants: both must see it once it is imported.
            _company.Write("opportunities.csv", """
                opportunity_id,account_id,owner_rep_id,service_line,type,amount,created_at,stage,status,closed_at
                O1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15
                O2,A2,R2,Training,expansion,2500,2025-01-12,Proposal,open,
                O3,A2,R1,Training,new_business,4000,2025-01-20,Won,won,2025-03-10
                """);
            foreach (var file in new[] { "reps.csv", "accounts.csv", "quotas.csv" })
            {
                _company.Delete(file);
            }

            var result = new Core.Import.ImportRunner(session).Run(Bellwether.Import.FolderSource.Open(_company.Folder), new Core.Import.ImportOptions { StartedAt = DateTimeOffset.UtcNow });
            Assert.True(result.Stored, string.Join('\n', result.Errors));
        }

        var after = forecasts.Model(Workspace, Early, TestContext.Current.CancellationToken);
        var afterLate = forecasts.Model(Workspace, Late, TestContext.Current.CancellationToken);

        Assert.NotSame(before.Known, after.Known);
        Assert.NotSame(beforeLate.Known, afterLate.Known);
        Assert.DoesNotContain(before.Known.Opportunities, o => o.OpportunityId == "O3");
        Assert.Contains(after.Known.Opportunities, o => o.OpportunityId == "O3");
        Assert.Contains(afterLate.Known.Opportunities, o => o.OpportunityId == "O3");
    }

    public void Dispose() => _company.Dispose();
}
