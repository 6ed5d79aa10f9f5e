using Bellwether.Core.Time;
using Bellwether.Queries;

namespace Bellwether.Tests.Cli;

/// <summary>
/// The one query layer: every parameter read the same way for the command line and the API, every mistake returned
/// (never thrown) with the message both show, parameters spelled as each caller knows them.
/// </summary>
public sealed class QueryReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("9999", null, "period \"9999\" is outside the years Bellwether supports (1970 to 2100)")]
    [InlineData("1969-Q4", null, "period \"1969-Q4\" is outside the years Bellwether supports (1970 to 2100)")]
    [InlineData("2025-Q5", null, "period \"2025-Q5\" is not a period: a quarter is Q1 to Q4")]
    [InlineData("2025-W60", null, "period \"2025-W60\" is not a period: 2025 has ISO weeks 1 to 52")]
    [InlineData("Q1 2025", null, "period \"Q1 2025\" is not a period (expected 2025-03-31, 2025-W14, 2025-03, 2025-Q1 or 2025)")]
    [InlineData(null, "9999-12-31", "as_of \"9999-12-31\" is outside the dates Bellwether supports (1970-01-01 to 2100-12-31)")]
    [InlineData(null, "0001-01-01T00:00:00Z", "as_of \"0001-01-01T00:00:00Z\" is outside the dates Bellwether supports (1970-01-01 to 2100-12-31)")]
    [InlineData(null, "soon", "as_of \"soon\" is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)")]
    public void DatesOutsideTheSupportedRange_AreOneLine_NeverAnOverflow(string? period, string? asOf, string expected)
    {
        var read = Requests.Indicators(new QueryReader(FiscalCalendar.Default, Now), ["bookings"], period, null, null, null, asOf, null);

        Assert.False(read.Ok);
        Assert.Equal(expected, Assert.Single(read.Problems).Describe(ParameterNames.Api));
    }

    [Fact]
    public void TheEdgesOfTheRange_AreAccepted()
    {
        var first = Requests.Indicators(new QueryReader(FiscalCalendar.Default, Now), ["bookings"], "1970", null, null, null, "1970-01-01", null);
        var last = Requests.Indicators(new QueryReader(new FiscalCalendar(4), Now), ["bookings"], "2100-Q4", null, null, null, null, null);

        Assert.True(first.Ok);
        Assert.True(last.Ok);
        Assert.Equal(new DateTimeOffset(2100, 4, 1, 0, 0, 0, TimeSpan.Zero), last.Value.Period.EndInstant);
    }

    [Fact]
    public void AnAsOfInTheFuture_IsRefusedWithWhy_WhileTodayAndTomorrowInUtcAreRead()
    {
        // Read as of a later instant, the data would stop at its last event and every later figure be a silent zero.
        var clock = new DateTimeOffset(2026, 12, 8, 3, 0, 0, TimeSpan.Zero);
        var later = Requests.Indicators(new QueryReader(FiscalCalendar.Default, clock), ["bookings"], null, null, null, null, "2027-01-01", null);
        var today = Requests.Indicators(new QueryReader(FiscalCalendar.Default, clock), ["bookings"], null, null, null, null, "2026-12-08", null);
        var eastOfUtc = Requests.Indicators(new QueryReader(FiscalCalendar.Default, clock), ["bookings"], null, null, null, null, "2026-12-09", null);
        var dayAfter = Requests.Indicators(new QueryReader(FiscalCalendar.Default, clock), ["bookings"], null, null, null, null, "2026-12-10", null);

        Assert.Equal(
            ["as_of \"2027-01-01\" is in the future (today is 2026-12-08): an as-of instant reads what was known then, and a later one is not known yet — to forecast a later period, give the period instead"],
            later.Problems.Select(p => p.Describe(ParameterNames.Api)));
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 0, 0, 0, TimeSpan.Zero), today.Value!.AsOf);
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero), eastOfUtc.Value!.AsOf);
        Assert.False(dayAfter.Ok);
    }

    [Fact]
    public void EveryMistake_IsReturned_NotOnlyTheFirst()
    {
        var read = Requests.Indicators(new QueryReader(FiscalCalendar.Default, Now), ["bokings", "win_rate"], "2025-Q5", "fortnight", "colour", "planet=mars", "later", "lots");

        Assert.Equal(
            [
                "name \"bokings\" is not an indicator (nearest: bookings)",
                "as_of \"later\" is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)",
                "period \"2025-Q5\" is not a period: a quarter is Q1 to Q4",
                "grain fortnight: not one of day, week, month, quarter, year",
                "by colour: not a dimension (rep, team, manager, rep_region, account, vertical, account_region, service_line, type, source, channel, activity_type)",
                "slice \"planet=mars\" is not a slice: \"planet\" is not a dimension (rep, team, manager, rep_region, account, vertical, account_region, service_line, type, source, channel, activity_type)",
                "target \"lots\" is not a number (write 1250000 or 1250000.50, with . as the decimal point and no thousands separator)",
            ],
            read.Problems.Select(p => p.Describe(ParameterNames.Api)));
    }

    [Fact]
    public void TheCommandLine_SpellsOptions_AndLeavesItsArgumentsUnnamed()
    {
        var read = Requests.Indicators(new QueryReader(FiscalCalendar.Default, Now), ["bokings"], null, null, null, null, "9999-01-01", null);
        var names = ParameterNames.CommandLine("name");

        Assert.Equal(
            ["\"bokings\" is not an indicator (nearest: bookings)", "--as-of \"9999-01-01\" is outside the dates Bellwether supports (1970-01-01 to 2100-12-31)"],
            read.Problems.Select(p => p.Describe(names)));
    }

    [Theory]
    [InlineData("2026-W10", null, "period \"2026-W10\" is a week: forecasts are made for months, fiscal quarters and fiscal years")]
    [InlineData("2026", "day", "grain day: forecasts are made for months, fiscal quarters and fiscal years")]
    [InlineData("2026-03", "quarter", "grain quarter: a month cannot be split into quarters")]
    public void Forecasts_AreForMonthsOrLonger(string period, string? grain, string expected)
    {
        var read = Requests.Forecast(new QueryReader(FiscalCalendar.Default, Now), ["bookings"], period, grain, null, null, null, null);

        Assert.Equal(expected, Assert.Single(read.Problems).Describe(ParameterNames.Api));
    }

    [Fact]
    public void WithoutAPeriod_TheCurrentFiscalQuarterAsKnownAtTheInstant()
    {
        var read = Requests.Forecast(new QueryReader(new FiscalCalendar(4), Now), ["bookings"], null, null, null, null, "2026-03-31", "base");

        Assert.True(read.Ok);
        Assert.Equal("2026-Q4", read.Value.Query.Period.Label);
        Assert.Equal("base", read.Value.Scenario);
    }

    [Theory]
    [InlineData("rep,rep", "by rep,rep: rep appears twice")]
    [InlineData("rep,team,vertical", "by rep,team,vertical: at most two dimensions")]
    public void Dimensions_AreAtMostTwo_EachOnce(string by, string expected)
    {
        var read = Requests.Indicators(new QueryReader(FiscalCalendar.Default, Now), ["bookings"], null, null, by, null, null, null);

        Assert.Equal(expected, Assert.Single(read.Problems).Describe(ParameterNames.Api));
    }

    [Theory]
    [InlineData("retial", new[] { "retail", "finance", "real_estate" }, "nearest: retail")]
    [InlineData("Retail", new[] { "retail", "finance" }, "nearest: retail")]
    [InlineData("zzz", new[] { "retail", "finance" }, "values: finance, retail")]
    [InlineData("x", new string[0], "none in this workspace")]
    public void Nearest_ListsTheCloseValues_OrSomeValues(string wanted, string[] known, string expected) =>
        Assert.Equal(expected, Nearest.Describe(wanted, known));

    [Theory]
    [InlineData("sales", "pillar \"sales\" is not a pillar (new_business, retention, expansion, cost_model)")]
    [InlineData(" ", "owner is blank: say whose plans (a name such as President, COO or CFO)")]
    public void Plans_PillarAndOwner(string text, string expected)
    {
        var pillar = text.Trim().Length > 0 ? text : null;
        var owner = pillar is null ? text : null;
        var read = Requests.Plans(new QueryReader(FiscalCalendar.Default, Now), null, pillar, owner, null, null);

        Assert.Equal(expected, Assert.Single(read.Problems).Describe(ParameterNames.Api));
    }

    [Fact]
    public void Scenarios_AreBounded_AndEveryBadChangeSaid()
    {
        var many = ScenarioInput.Read("big", null, [.. Enumerable.Repeat("win_rate=+1%", 101)], null);
        var army = ScenarioInput.Read("army", null, ["add_reps=2000000000 from 2026-07-01"], null);
        var far = ScenarioInput.Read("far", null, ["add_reps=2 from 9999-01-01", "win_rate=x"], null);
        var named = ScenarioInput.Read("base", null, ["win_rate=+1%"], null);

        Assert.Equal("set has 101 changes: at most 100 in one scenario", Assert.Single(many.Problems).Describe(ParameterNames.Api));
        Assert.Equal("set change 1 (add_reps) adds 2000000000 reps: at most 1000 in one change", Assert.Single(army.Problems).Describe(ParameterNames.Api));
        Assert.Equal(
            [
                "--set \"add_reps=2 from 9999-01-01\": \"9999-01-01\" is outside the dates Bellwether supports (1970-01-01 to 2100-12-31)",
                "--set \"win_rate=x\": \"x\" is not a relative change such as +10% or -40%",
            ],
            far.Problems.Select(p => p.Describe(ParameterNames.CommandLine("name"))));
        Assert.Equal("\"base\": a scenario needs a name other than base (base is the forecast without changes)", Assert.Single(named.Problems).Describe(ParameterNames.CommandLine("name")));
    }
}
