using Bellwether.Core.Demo;

namespace Bellwether.Core.Tests.Demo;

/// <summary>Scripted shocks change the company only where and when they act, and say so when they cannot act.</summary>
public sealed class DemoShockTests
{
    private static readonly DemoOptions Options = new() { Seed = 5, Years = 1, HistoryEnd = new DateOnly(2026, 3, 31) };

    [Fact]
    public void ShocksOutsideHistory_LeaveEveryFileAsItWas()
    {
        var later = new DateOnly(2027, 1, 1);
        var plain = new DemoFiles(Options);
        var shocked = new DemoFiles(Options with
        {
            Shocks =
            [
                new WinRateShock { Vertical = "finance", WinFactor = 0.1, From = later },
                new InboundLeadShock { Factor = 0.6, From = later },
                new ChurnShock { ServiceLine = "managed_services", LossFactor = 3, From = later },
            ],
        });

        Assert.All(plain.FileNames, file => Assert.True(plain.Text(file) == shocked.Text(file), $"{file} changed"));
    }

    [Fact]
    public void AnInboundShock_ThinsInboundLeadsFromItsFirstDay()
    {
        var from = new DateOnly(2025, 10, 1);
        var plain = new DemoFiles(Options).Table("leads.csv");
        var shocked = new DemoFiles(Options with { Shocks = [new InboundLeadShock { Factor = 0.6, From = from }] }).Table("leads.csv");
        int Inbound(CsvTable t, Func<string, bool> when) =>
            t.Rows.Count(r => r[t.Column("source")] == "inbound" && when(r[t.Column("created_at")]));
        static bool Before(string at) => string.CompareOrdinal(at, "2025-10-01") < 0;

        Assert.Equal(Inbound(plain, Before), Inbound(shocked, Before));
        var ratio = (double)Inbound(shocked, a => !Before(a)) / Inbound(plain, a => !Before(a));
        Assert.InRange(ratio, 0.55, 0.65);
    }

    [Theory]
    [InlineData("vertical", "The demo's verticals are finance, healthcare, technology, manufacturing, retail, public_sector.")]
    [InlineData("line", "Only recurring lines renew: managed_services, support_retainer.")]
    [InlineData("span", "A shock ends after it starts (2026-01-01).")]
    public void ShocksThatCannotAct_AreRefused(string which, string message)
    {
        DemoShock shock = which switch
        {
            "vertical" => new WinRateShock { Vertical = "mining", WinFactor = 0.5, From = new DateOnly(2026, 1, 1) },
            "line" => new ChurnShock { ServiceLine = "training", From = new DateOnly(2026, 1, 1) },
            _ => new InboundLeadShock { Factor = 0.5, From = new DateOnly(2026, 1, 1), Until = new DateOnly(2025, 1, 1) },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => (Options with { Shocks = [shock] }).Validate());
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
