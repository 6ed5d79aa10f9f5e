using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Plans;

public sealed class PlanInputTests
{
    private static readonly FiscalCalendar April = new(4);

    private static readonly PlanFields Valid = new()
    {
        Pillar = "retention",
        Metric = "grr",
        Period = "2027-q1",
        Target = "0.9",
        Owner = " COO ",
    };

    [Fact]
    public void AValidPlan_IsReadInCanonicalForm()
    {
        var plan = PlanInput.Read(Valid with { Target = "45%" }, April, out var problems);

        Assert.Empty(problems);
        Assert.NotNull(plan);
        Assert.Equal((Pillar.Retention, "grr", "2027-Q1", 0.45m, "COO"), (plan.Pillar, plan.Metric, plan.Period, plan.Target, plan.Owner));
        Assert.Empty(plan.Slice);
    }

    [Fact]
    public void ASliceTheMetricSupports_IsWrittenCanonically()
    {
        var plan = PlanInput.Read(Valid with { Pillar = "new_business", Metric = "bookings", Target = "1250000", Slice = "type=new_business;vertical=finance" }, April, out _);

        Assert.Equal("vertical=finance;type=new_business", SliceText.Format(plan!.Slice));
    }

    [Theory]
    [InlineData("pillar", "sales", "\"sales\" is not a pillar (new_business, retention, expansion, cost_model)")]
    [InlineData("metric", "grrr", "\"grrr\" is not an indicator")]
    [InlineData("period", "2027-Q5", "\"2027-Q5\" is not a period: a quarter is Q1 to Q4")]
    [InlineData("period", "2027-W03", "\"2027-W03\" is a week: plans are set for a month, fiscal quarter or fiscal year")]
    [InlineData("slice", "type=new_business", "\"type=new_business\": grr cannot be sliced by type")]
    [InlineData("slice", "colour=blue", "\"colour=blue\" is not a slice: \"colour\" is not a dimension")]
    [InlineData("target", "1,000", "\"1,000\" is not a number")]
    [InlineData("target", "", "is required")]
    [InlineData("owner", "  ", "is required")]
    public void EachMistake_NamesItsFieldAndValue(string field, string value, string message)
    {
        var fields = field switch
        {
            "pillar" => Valid with { Pillar = value },
            "metric" => Valid with { Metric = value },
            "period" => Valid with { Period = value },
            "slice" => Valid with { Slice = value },
            "target" => Valid with { Target = value },
            _ => Valid with { Owner = value },
        };

        var plan = PlanInput.Read(fields, April, out var problems);

        Assert.Null(plan);
        var problem = Assert.Single(problems);
        Assert.Equal(field, problem.Field);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APercentage_IsOnlyForRatios()
    {
        PlanInput.Read(Valid with { Metric = "bookings", Pillar = "new_business", Target = "45%" }, April, out var problems);

        Assert.Equal("target \"45%\" is a percentage, but bookings is in money, not a ratio", Assert.Single(problems).Describe());
    }

    [Fact]
    public void ARatioTypedAsAPercentageWithoutItsSign_IsRefused_WhileAFractionOrAnNrrAboveOneIsRead()
    {
        PlanInput.Read(Valid with { Target = "92" }, April, out var problems);
        var fraction = PlanInput.Read(Valid with { Target = "0.92" }, April, out var none);
        var nrr = PlanInput.Read(Valid with { Metric = "nrr", Target = "1.15" }, April, out var alsoNone);
        var money = PlanInput.Read(Valid with { Metric = "bookings", Pillar = "new_business", Target = "92" }, April, out var noProblem);

        Assert.Equal("target \"92\" as a ratio is 9200%: grr is a ratio, written as a fraction (0.92) or as a percentage (92%)", Assert.Single(problems).Describe());
        Assert.Empty(none);
        Assert.Equal(0.92m, fraction!.Target);
        Assert.Empty(alsoNone);
        Assert.Equal(1.15m, nrr!.Target);
        Assert.Empty(noProblem);
        Assert.Equal(92m, money!.Target);
    }

    [Fact]
    public void EveryMistake_IsReported_NotOnlyTheFirst()
    {
        PlanInput.Read(new PlanFields { Pillar = "x", Metric = "y", Period = "z", Target = "t" }, April, out var problems);

        Assert.Equal(["pillar", "metric", "period", "target", "owner"], problems.Select(p => p.Field));
        Assert.Equal("--pillar \"x\" is not a pillar (new_business, retention, expansion, cost_model)", problems[0].Describe("--"));
    }

    [Fact]
    public void WhetherAMetricCanBeSliced_IsAnsweredForEveryMetricAndDimension_WithoutData()
    {
        // Deals carry every dimension but activity_type; the ledger carries accounts and service lines only.
        foreach (var definition in IndicatorCatalog.All)
        {
            foreach (var dimension in Enum.GetValues<Dimension>())
            {
                var slice = $"{SnakeCase.Name(dimension)}=x";
                PlanInput.ReadKey(Valid with { Metric = definition.Name, Slice = slice }, April, out var problems);
                Assert.All(problems, p => Assert.Contains("cannot be sliced by", p.Message, StringComparison.Ordinal));
            }
        }

        Assert.Empty(Problems("bookings", "vertical=finance;type=new_business"));
        Assert.Empty(Problems("grr", "vertical=finance"));
        Assert.NotEmpty(Problems("grr", "rep=r1"));
        Assert.NotEmpty(Problems("bookings", "activity_type=call"));
    }

    private static IReadOnlyList<PlanProblem> Problems(string metric, string slice)
    {
        PlanInput.ReadKey(Valid with { Metric = metric, Slice = slice }, April, out var problems);
        return problems;
    }
}
