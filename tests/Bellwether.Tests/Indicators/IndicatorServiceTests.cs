using Bellwether.Core.Indicators;
using Bellwether.Core.Time;
using Bellwether.Indicators;
using Bellwether.Storage.DuckDb;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Indicators;

/// <summary>Results are cached per version of the tables they read; an import invalidates exactly what it changed.</summary>
public sealed class IndicatorServiceTests : IDisposable
{
    private const string Revenue = "account_id,month,service_line,revenue\nA1,2025-01,Consulting,100\nA2,2025-02,Training,200";
    private readonly SmallCompany _company = new(new Dictionary<string, string> { ["revenue.csv"] = Revenue });

    public IndicatorServiceTests() => Assert.Equal(0, _company.Import().ExitCode);

    private static IndicatorQuery Query(string indicator) => new()
    {
        Indicators = [indicator],
        Period = FiscalCalendar.Default.Parse("2025-Q1"),
        AsOf = new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void SameQueryTwice_IsComputedOnce()
    {
        using var store = DuckDbStore.Open(_company.Db);
        using var service = new IndicatorService(store);

        var first = service.Run("default", Query("bookings"));
        var second = service.Run("default", Query("bookings"));

        Assert.Same(first, second);
        Assert.Equal(1000m, Assert.Single(first).Value);
    }

    [Fact]
    public void WithinOneService_AnImportInvalidatesOnlyTheTablesItChanged()
    {
        // One process holds the service; the import goes through the same store connection, as the web host's would.
        using var store = DuckDbStore.Open(_company.Db);
        using var service = new IndicatorService(store);
        var bookings = service.Run("default", Query("bookings"));
        service.Run("default", Query("revenue"));

        using (var session = store.BeginImport("default"))
        {
            _company.Write("revenue.csv", Revenue + "\nA1,2025-03,Consulting,50");
            _company.Delete("opportunities.csv");
            _company.Delete("reps.csv");
            _company.Delete("accounts.csv");
            _company.Delete("quotas.csv");
            var result = new Core.Import.ImportRunner(session).Run(Bellwether.Import.FolderSource.Open(_company.Folder), new Core.Import.ImportOptions { StartedAt = DateTimeOffset.UtcNow });
            Assert.True(result.Stored, string.Join('\n', result.Errors));
        }

        Assert.Same(bookings, service.Run("default", Query("bookings")));
        Assert.Equal(350m, Assert.Single(service.Run("default", Query("revenue"))).Value);
        Assert.Equal(2, service.TableLoads["revenue"]);
        Assert.Equal(1, service.TableLoads["opportunities"]);
    }

    [Fact]
    public void ANewOpportunitiesExport_RecomputesQuotaAttainment_WhichDividesBookingsByQuotas()
    {
        using var store = DuckDbStore.Open(_company.Db);
        using var service = new IndicatorService(store);
        var before = service.Run("default", Query("quota_attainment"));
        Assert.Equal(0.1m, Assert.Single(before).Value); // R1: 1,000 won in 2025-Q1 / quota 10,000

        using (var session = store.BeginImport("default"))
        {
            // O2 is won in the quarter too: R2 owns it, so R1's attainment stays; O3 is R1's second win.
            _company.Write("opportunities.csv", """
                opportunity_id,account_id,owner_rep_id,service_line,type,amount,created_at,stage,status,closed_at
                O1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15
                O2,A2,R2,Training,expansion,2500,2025-01-12,Proposal,open,
                O3,A2,R1,Training,new_business,4000,2025-01-20,Won,won,2025-03-10
                """);
            foreach (var file in new[] { "reps.csv", "accounts.csv", "quotas.csv", "revenue.csv" })
            {
                _company.Delete(file);
            }

            var result = new Core.Import.ImportRunner(session).Run(Bellwether.Import.FolderSource.Open(_company.Folder), new Core.Import.ImportOptions { StartedAt = DateTimeOffset.UtcNow });
            Assert.True(result.Stored, string.Join('\n', result.Errors));
        }

        Assert.Equal(0.5m, Assert.Single(service.Run("default", Query("quota_attainment"))).Value); // (1,000 + 4,000) / 10,000
        Assert.Equal(1, service.TableLoads["quotas"]);
    }

    public void Dispose() => _company.Dispose();
}
