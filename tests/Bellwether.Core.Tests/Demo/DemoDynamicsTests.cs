using System.Globalization;

namespace Bellwether.Core.Tests.Demo;

/// <summary>
/// The behaviours the README promises of the demo company — reps ramp, SDRs make the outbound leads, clients churn and
/// expand — measured on the files it writes, the way an analyst with only the CSVs would measure them.
/// </summary>
public sealed class DemoDynamicsTests(DefaultDemoFixture fixture) : IClassFixture<DefaultDemoFixture>
{
    private readonly DemoFiles _files = fixture.Files;

    [Fact]
    public void NewReps_LogFewerActivitiesInTheirFirstMonth_ThanOnceRamped()
    {
        // Reps hired during history and employed for at least six months: activities per working day in their first 30
        // days against days 91 to 180, pooled over the reps. Without a ramp the two rates would be about equal.
        var (first, ramped) = PooledRates(_files.Table("activities.csv"), "rep_id", "occurred_at", ["ae", "sdr", "am"], (0, 30), (91, 180));

        Assert.True(first < 0.6 * ramped, $"first month {first:0.00} activities per rep-day, ramped {ramped:0.00}");
        Assert.True(first > 0.15 * ramped, $"a new rep does some work from the start: {first:0.00} against {ramped:0.00}");
    }

    [Fact]
    public void NewAes_BookLessInTheirFirstQuarter_ThanOnceRamped()
    {
        // Won deals closed by AEs hired during history: bookings per working day in their first 91 days against days
        // 182 to 364 (deals take a couple of months to close, and a ramping AE is given fewer of them).
        var deals = _files.Table("opportunities.csv");
        var (type, status, amount) = (deals.Column("type"), deals.Column("status"), deals.Column("amount"));
        var (first, ramped) = PooledRates(
            deals,
            "owner_rep_id",
            "closed_at",
            ["ae"],
            (0, 91),
            (182, 364),
            row => row[type] == "new_business" && row[status] == "won" ? decimal.Parse(row[amount], CultureInfo.InvariantCulture) : 0m);

        Assert.True(first < 0.5 * ramped, $"first quarter {first:0} booked per rep-day, ramped {ramped:0}");
    }

    [Fact]
    public void EveryOutboundLead_IsAnSdrsProspectingTouch_AtTheInstantItWasCreated()
    {
        var reps = _files.Table("reps.csv").Rows.ToDictionary(r => r[0]);
        var activities = _files.Table("activities.csv");
        var (lead, at, type, rep) = (activities.Column("lead_id"), activities.Column("occurred_at"), activities.Column("type"), activities.Column("rep_id"));
        var touches = activities.Rows
            .Where(a => a[lead].Length > 0 && a[type] is "call" or "email")
            .GroupBy(a => (a[lead], a[at]))
            .ToDictionary(g => g.Key, g => g.First()[rep]);
        var leads = _files.Table("leads.csv");
        var outbound = leads.Rows.Where(l => l[leads.Column("source")] == "outbound").ToList();

        Assert.True(outbound.Count > 1000, $"only {outbound.Count} outbound leads");
        foreach (var l in outbound)
        {
            var created = l[leads.Column("created_at")];
            Assert.True(touches.TryGetValue((l[0], created), out var sdr), $"outbound lead {l[0]} has no call or email at {created}");
            var r = reps[sdr];
            Assert.Equal("sdr", r[5]);
            var day = created[..10];
            Assert.True(string.CompareOrdinal(r[7], day) <= 0 && (r[8].Length == 0 || string.CompareOrdinal(r[8], day) >= 0), $"{sdr} was not employed on {day}");
        }
    }

    [Fact]
    public void OutboundLeadsPerMonth_TrackTheSdrsActivity()
    {
        // SDR headcount grows, new SDRs ramp and months have more or fewer working days: outbound leads follow the
        // SDRs' logged activity month by month, while inbound leads (seasonal, with a shock) follow something else.
        var sdrs = _files.Table("reps.csv").Rows.Where(r => r[5] == "sdr").Select(r => r[0]).ToHashSet();
        var activity = _files.Table("activities.csv").Rows.Where(a => sdrs.Contains(a[1])).GroupBy(a => a[3][..7]).ToDictionary(g => g.Key, g => (double)g.Count());
        var leads = _files.Table("leads.csv").Rows;
        var outbound = leads.Where(l => l[2] == "outbound").GroupBy(l => l[1][..7]).ToDictionary(g => g.Key, g => (double)g.Count());
        var inbound = leads.Where(l => l[2] == "inbound").GroupBy(l => l[1][..7]).ToDictionary(g => g.Key, g => (double)g.Count());
        // Whole months only: history starts and ends mid-month.
        var months = activity.Keys.Order().Skip(1).SkipLast(1).ToList();

        var withActivity = Correlation(months.Select(m => activity[m]), months.Select(m => outbound.GetValueOrDefault(m)));
        var withInbound = Correlation(months.Select(m => inbound[m]), months.Select(m => outbound.GetValueOrDefault(m)));

        Assert.True(withActivity > 0.75, $"outbound leads and SDR activity correlate by {withActivity:0.00} over {months.Count} months");
        Assert.True(withActivity > withInbound + 0.2, $"outbound leads follow inbound ({withInbound:0.00}) about as well as SDR activity ({withActivity:0.00})");
    }

    [Fact]
    public void Revenue_HasChurnedAndExpandingClients_InRealisticShares()
    {
        var revenue = _files.Table("revenue.csv").Rows;
        var byAccountMonth = revenue
            .GroupBy(r => (Account: r[0], Month: r[1]))
            .ToDictionary(g => g.Key, g => (Total: g.Sum(r => decimal.Parse(r[3], CultureInfo.InvariantCulture)), Lines: g.Select(r => r[2]).ToHashSet()));
        decimal Year(string account, string year) => byAccountMonth.Where(x => x.Key.Account == account && x.Key.Month.StartsWith(year, StringComparison.Ordinal)).Sum(x => x.Value.Total);

        // indicators.md's logo_churn and grr/nrr cohort, over whole years: the clients with revenue in 2024, and
        // which of them had none in 2025 (churned) or more than 10% more (expanded).
        var cohort = byAccountMonth.Keys.Where(k => k.Month.StartsWith("2024", StringComparison.Ordinal)).Select(k => k.Account).Distinct().ToList();
        var churned = cohort.Count(a => Year(a, "2025") == 0);
        var expanded = cohort.Count(a => Year(a, "2025") > 1.1m * Year(a, "2024"));
        var churnShare = churned / (double)cohort.Count;
        var expandedShare = expanded / (double)cohort.Count;

        Assert.True(cohort.Count > 300, $"only {cohort.Count} clients with revenue in 2024");
        Assert.InRange(churnShare, 0.03, 0.40);
        Assert.InRange(expandedShare, 0.05, 0.60);

        // Month by month: clients whose revenue stops after having some and never comes back in the history, and
        // clients who add a service line while keeping the ones they had (expansion, not a new contract's noise).
        var months = byAccountMonth.Keys.Select(k => k.Month).Distinct().Order(StringComparer.Ordinal).ToList();
        var lastMonth = months[^1];
        var stopped = byAccountMonth.Keys.GroupBy(k => k.Account).Count(g => string.CompareOrdinal(g.Max(k => k.Month), months[^7]) < 0);
        var crossSold = byAccountMonth.Count(x =>
        {
            var previous = months.IndexOf(x.Key.Month) - 1;
            return previous >= 0
                && byAccountMonth.TryGetValue((x.Key.Account, months[previous]), out var before)
                && before.Lines.IsSubsetOf(x.Value.Lines) && x.Value.Lines.Count > before.Lines.Count;
        });
        Assert.True(stopped > 0.03 * cohort.Count, $"{stopped} clients stopped before {months[^7]} (history ends {lastMonth})");
        Assert.True(crossSold > 50, $"only {crossSold} client-months added a service line");
    }

    /// <summary>
    /// A per-rep-day rate of some output (the count of rows, or their value) in two windows of days since each rep's
    /// start, pooled over the reps of the roles hired during history who stayed past the second window.
    /// </summary>
    private (double First, double Ramped) PooledRates(
        CsvTable table,
        string repColumn,
        string dateColumn,
        IReadOnlyCollection<string> roles,
        (int From, int To) firstWindow,
        (int From, int To) rampedWindow,
        Func<string[], decimal>? value = null)
    {
        var end = _files.Options.HistoryEnd;
        var hires = _files.Table("reps.csv").Rows
            .Where(r => roles.Contains(r[5]))
            .Select(r => (Id: r[0], Start: Day(r[7]), End: r[8].Length > 0 ? Day(r[8]) : end))
            .Where(r => r.Start > _files.Options.HistoryStart && r.End >= r.Start.AddDays(rampedWindow.To))
            .ToDictionary(r => r.Id);
        Assert.True(hires.Count >= 3, $"only {hires.Count} reps of {string.Join('/', roles)} hired and kept");

        var (rep, date) = (table.Column(repColumn), table.Column(dateColumn));
        var output = new decimal[2];
        foreach (var row in table.Rows)
        {
            if (row[date].Length == 0 || !hires.TryGetValue(row[rep], out var hire))
            {
                continue;
            }

            var tenure = Day(row[date][..10]).DayNumber - hire.Start.DayNumber;
            var amount = value?.Invoke(row) ?? 1m;
            output[0] += tenure >= firstWindow.From && tenure < firstWindow.To ? amount : 0;
            output[1] += tenure >= rampedWindow.From && tenure < rampedWindow.To ? amount : 0;
        }

        var days = new double[2];
        foreach (var hire in hires.Values)
        {
            days[0] += WorkingDays(hire.Start.AddDays(firstWindow.From), hire.Start.AddDays(firstWindow.To));
            days[1] += WorkingDays(hire.Start.AddDays(rampedWindow.From), hire.Start.AddDays(rampedWindow.To));
        }

        return ((double)output[0] / days[0], (double)output[1] / days[1]);
    }

    private static int WorkingDays(DateOnly from, DateOnly toExclusive)
    {
        var days = 0;
        for (var d = from; d < toExclusive; d = d.AddDays(1))
        {
            days += d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        return days;
    }

    private static double Correlation(IEnumerable<double> xs, IEnumerable<double> ys)
    {
        var pairs = xs.Zip(ys).ToList();
        var (mx, my) = (pairs.Average(p => p.First), pairs.Average(p => p.Second));
        var cov = pairs.Sum(p => (p.First - mx) * (p.Second - my));
        var vx = pairs.Sum(p => (p.First - mx) * (p.First - mx));
        var vy = pairs.Sum(p => (p.Second - my) * (p.Second - my));
        return cov / Math.Sqrt(vx * vy);
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
