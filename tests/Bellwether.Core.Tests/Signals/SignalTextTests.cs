using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Signals;

namespace Bellwether.Core.Tests.Signals;

public sealed class SignalTextTests
{
    private static Signal Grr(decimal value, decimal? plan) => new()
    {
        Pillar = Pillar.Retention,
        Name = "grr",
        Title = "Gross revenue retention",
        Value = value,
        Unit = Unit.Ratio,
        Reference = plan,
        ReferenceKind = plan is null ? null : "plan",
        Status = plan is { } p ? Attainment.Judge(value, p, lowerIsBetter: false) : null,
        Summary = "",
    };

    [Fact]
    public void AValueJustUnderItsPlan_ReadsUnderIt_BesideItsAtRisk()
    {
        var signal = Grr(0.749515m, 0.75m);

        Assert.Equal(SignalStatus.AtRisk, signal.Status);
        Assert.Equal("74.95%", signal.ValueText("USD"));
        Assert.Equal("75.00%", signal.ReferenceText("USD"));
    }

    [Fact]
    public void WithoutAReference_TheValueReadsAsAlways()
    {
        var signal = Grr(0.749515m, null);

        Assert.Equal("75.0%", signal.ValueText("USD"));
        Assert.Null(signal.ReferenceText("USD"));
    }
}
