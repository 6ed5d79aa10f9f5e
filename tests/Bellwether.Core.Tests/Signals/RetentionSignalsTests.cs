using Bellwether.Core.Accounts;
using Bellwether.Core.Clients;
using Bellwether.Core.Data;
using Bellwether.Core.Finance;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Signals;
using Bellwether.Core.Tests.Clients;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Signals;

public sealed class RetentionSignalsTests
{
    // Q1 2025: Acme 100 a month (300), Globex 50 in January and February (100). Q2: Acme 80 a month (240), Globex
    // nothing, Initech (new) 100. GRR of Q2 = (min(240, 300) + min(0, 100)) / (300 + 100) = 0.6; logo churn 1 of 2.
    private static readonly Dataset Ledger = new()
    {
        Files = new HashSet<string> { "revenue.csv", "plans.csv" },
        Accounts = [Account("A1", "Acme"), Account("A2", "Globex"), Account("A3", "Initech")],
        Revenue =
        [
            Line("A1", 1, 100), Line("A1", 2, 100), Line("A1", 3, 100), Line("A2", 1, 50), Line("A2", 2, 50),
            Line("A1", 4, 80), Line("A1", 5, 80), Line("A1", 6, 80), Line("A3", 5, 100),
        ],
    };

    private static readonly PlanLine GrrPlan = new() { Pillar = Pillar.Retention, Metric = "grr", Period = "2025-Q2", Target = 0.8m, Owner = "COO" };

    [Fact]
    public void Grr_OfTheLatestQuarterOver_IsJudgedAgainstItsPlan()
    {
        var grr = Signal(Context(Ledger, ClientCompany.Day(2025, 8, 15), GrrPlan), "grr");

        Assert.Equal(0.6m, grr.Value);
        Assert.Equal(0.8m, grr.Reference);
        Assert.Equal("plan", grr.ReferenceKind);
        Assert.Equal(SignalStatus.OffTrack, grr.Status); // 0.6 / 0.8 = 75%
        Assert.Equal("Gross revenue retention 60.0% in 2025-Q2 (the latest period over; 2025-Q3 is under way), against the plan's 80.0% (COO).", grr.Summary);
    }

    [Fact]
    public void LogoChurn_WithoutPlanOrEarlierQuarter_HasNothingToBeJudgedBy()
    {
        var churn = Signal(Context(Ledger, ClientCompany.Day(2025, 8, 15)), "logo_churn");

        Assert.Equal(0.5m, churn.Value);
        Assert.True(churn.LowerIsBetter);
        Assert.Null(churn.Reference);
        Assert.Null(churn.Status);
        Assert.Equal("Logo churn 50.0% in 2025-Q2 (the latest period over; 2025-Q3 is under way), with no plan and no earlier period to compare with.", churn.Summary);
    }

    [Fact]
    public void ClientHealth_WithoutEngagementFile_SaysSo_WhileGrrStillReads()
    {
        var signals = RetentionSignals.Of(Context(Ledger, ClientCompany.Day(2025, 8, 15)));

        Assert.Equal(["grr", "logo_churn", "revenue_at_risk", "client_health"], signals.Select(s => s.Name));
        Assert.All(signals.Where(s => s.Name is "revenue_at_risk" or "client_health"), s =>
        {
            Assert.Null(s.Value);
            Assert.Equal(ChurnRisk.NoEngagement, s.MissingReason);
        });
        Assert.NotNull(signals[0].Value);
    }

    [Fact]
    public void RevenueAtRisk_NamesTheDecliningClient_WithItsRiskAndReasons()
    {
        var data = ClientCompany.Generate();
        var signal = Signal(Context(data, ClientCompany.AsOf), "revenue_at_risk");
        var reading = ChurnRisk.Read(data, ClientCompany.AsOf);
        var acme = reading.Clients.Single(c => c.Name == ClientCompany.Declining);

        var attention = Assert.Single(signal.NeedsAttention, a => a.Name == ClientCompany.Declining);

        Assert.Equal("account", attention.Kind);
        Assert.Equal("H1", attention.Id);
        Assert.Equal(Math.Round((decimal)acme.ChurnRisk, 4), attention.Score);
        Assert.StartsWith($"churn risk {Math.Round(100 * acme.ChurnRisk):0}% (", attention.Reason, StringComparison.Ordinal);
        Assert.Contains("$3,000 of revenue in the last 3 months — ", attention.Reason, StringComparison.Ordinal);
        Assert.EndsWith(string.Join("; ", acme.Reasons), attention.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(signal.NeedsAttention, a => a.Name == ClientCompany.Healthy);
        Assert.Equal(reading.AtRisk.Sum(c => c.RevenueAtStake), signal.Value);
        Assert.Equal("benchmark", signal.ReferenceKind);
        Assert.Contains("on average at the starts of 2024-Q3 to 2025-Q2", signal.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientHealth_IsTheShareAtRisk_WithTheBandsInTheSummary()
    {
        var data = ClientCompany.Generate();
        var signal = Signal(Context(data, ClientCompany.AsOf), "client_health");
        var reading = ChurnRisk.Read(data, ClientCompany.AsOf);

        Assert.Equal(Math.Round(reading.AtRisk.Count() / (decimal)reading.Clients.Count, 4), signal.Value);
        Assert.Equal(Unit.Ratio, signal.Unit);
        Assert.Matches(@"^\d+\.\d% of [\d,]+ clients at risk of churn \(healthy \d+\.\d%, watch \d+\.\d%; at risk means", signal.Summary);
    }

    [Fact]
    public void WithoutRevenue_EveryClientSignalSaysWhy_NeverZero()
    {
        var data = new Dataset { Files = new HashSet<string> { "engagement.csv" }, Accounts = [Account("A1", "Acme")] };

        var signals = PillarSignals.Of(Context(data, ClientCompany.AsOf), null).Where(s => s.Pillar is Pillar.Retention or Pillar.Expansion).ToList();

        Assert.Equal(7, signals.Count);
        Assert.All(signals, s =>
        {
            Assert.Null(s.Value);
            Assert.False(string.IsNullOrEmpty(s.MissingReason));
            Assert.Null(s.Status);
        });
        Assert.Equal(ChurnRisk.NoRevenue, signals.Single(s => s.Name == "revenue_at_risk").MissingReason);
        Assert.Equal(ChurnRisk.NoRevenue, signals.Single(s => s.Name == "second_line_candidates").MissingReason);
    }

    [Fact]
    public void PillarSignals_ListsRetentionAndExpansionSources()
    {
        var context = Context(ClientCompany.Generate(), ClientCompany.AsOf);

        Assert.Equal(["grr", "logo_churn", "revenue_at_risk", "client_health"], PillarSignals.Of(context, null, Pillar.Retention).Select(s => s.Name));
        Assert.Equal(["expansion_revenue", "services_per_client", "second_line_candidates"], PillarSignals.Of(context, null, Pillar.Expansion).Select(s => s.Name));
    }

    internal static SignalContext Context(Dataset data, DateTimeOffset asOf, params PlanLine[] plans) => new()
    {
        Engine = new IndicatorEngine(data),
        AsOf = asOf,
        Period = data.Settings.Calendar.Containing(Instants.DayOf(asOf), Grain.Quarter),
        Plans = plans,
    };

    private static Signal Signal(SignalContext context, string name) => RetentionSignals.Of(context).Single(s => s.Name == name);

    private static Account Account(string id, string name) => new() { AccountId = id, Name = name };

    private static RevenueLine Line(string account, int month, decimal revenue) =>
        new() { AccountId = account, Month = new DateOnly(2025, month, 1), ServiceLine = "consulting", Revenue = revenue };
}
