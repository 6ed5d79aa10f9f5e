using Bellwether.Core.Budget;

namespace Bellwether.Core.Tests.Domain;

public sealed class CompanyFootprintTests
{
    // 1,000 deals at 265 bytes, 10,000 stored activities at 8 and 2,000 history rows at 110: 565,000 bytes of records,
    // and four times that, 2,260,000 bytes, to load, index and forecast them.
    private static readonly CompanyFootprint Company = new()
    {
        Rows = new Dictionary<string, long> { ["opportunities"] = 1_000, ["activities"] = 10_000, ["opportunity_history"] = 2_000 },
    };

    [Fact]
    public void Estimate_IsEachTablesRowsTimesTheirLoadedSize_AndFourTimesThatToWorkOn()
    {
        Assert.Equal(565_000, Company.RecordBytes);
        Assert.Equal(2_260_000, Company.WorkingSetBytes);
    }

    [Fact]
    public void ACompanyThatFits_IsLetThrough_AtItsEstimateExactly()
    {
        Company.EnsureFits(2_260_000, "The company");
        Company.EnsureFits(long.MaxValue, "The company");
    }

    [Fact]
    public void ACompanyThatDoesNotFit_IsRefusedWithItsSizeAndTheMemoryAvailable()
    {
        var refused = Assert.Throws<WorkTooLargeException>(() => Company.EnsureFits(2_259_999, "The company in x.duckdb"));

        Assert.True(refused.AlwaysTooLarge);
        Assert.Equal(2_260_000, refused.EstimatedBytes);
        Assert.StartsWith(
            "The company in x.duckdb (1,000 deals, 10,000 activities) needs about 2.2 MB of memory to load, index and forecast (551.8 KB of it the records), more than the 2.2 MB this process may use",
            refused.Message,
            StringComparison.Ordinal);
        Assert.Contains("Nothing was loaded", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoTablesToLoad_CostNothing()
    {
        var empty = new CompanyFootprint { Rows = new Dictionary<string, long>() };

        Assert.Equal(0, empty.WorkingSetBytes);
        empty.EnsureFits(0, "Nothing");
    }
}
