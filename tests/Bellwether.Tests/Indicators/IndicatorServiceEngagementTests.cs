using Bellwether.Indicators;
using Bellwether.Storage.DuckDb;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Indicators;

/// <summary>Engagement signals are loaded only for a caller that asks for them (the pillars' signals), and then kept.</summary>
public sealed class IndicatorServiceEngagementTests : IDisposable
{
    private const string Engagement = "account_id,occurred_at,kind,value\nA1,2025-02-01,meeting,\nA2,2025-02-03,nps,40";
    private readonly SmallCompany _company = new(new Dictionary<string, string> { ["engagement.csv"] = Engagement });

    public IndicatorServiceEngagementTests() => Assert.Equal(0, _company.Import().ExitCode);

    [Fact]
    public void Engine_LeavesEngagementOut_UnlessAskedFor_ThenLoadsOnlyIt()
    {
        using var store = DuckDbStore.Open(_company.Db);
        using var service = new IndicatorService(store);

        Assert.Empty(service.Engine("default").Dataset.Engagement);
        Assert.False(service.TableLoads.ContainsKey("engagement"));

        var engine = service.Engine("default", withEngagement: true);

        Assert.Equal(2, engine.Dataset.Engagement.Count);
        Assert.Equal(1, service.TableLoads["engagement"]);
        Assert.Equal(1, service.TableLoads["opportunities"]);
        Assert.Same(engine, service.Engine("default"));
        Assert.Same(engine, service.Engine("default", withEngagement: true));
    }

    public void Dispose() => _company.Dispose();
}
