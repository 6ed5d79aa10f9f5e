using Bellwether.Core.Data;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Forecasting;

/// <summary>
/// Renewals from contract terms the data gives: a small hand-made company whose contracts start anywhere from the day
/// they are won to three months later and run one or two years, so that only the term, not the day of the win, says when
/// a renewal falls due. Each renewal deal is opened 60 days before its term ends and won ten days later at its
/// predecessor's amount, and renews for the same term; the chains run until the first renewal opened on or after t.
/// </summary>
public sealed class ContractRenewalTests
{
    private const int OpenedAhead = 60;
    private const int WonAfter = 10;
    private const decimal Amount = 12_000;

    private static readonly DateTimeOffset AsOf = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AKnownTerm_DecidesWhenItsRenewalIsExpected_NotTheDayItWasWon()
    {
        var (data, due) = Company();

        var book = RenewalBook.Fit(data.AsOf(AsOf), AsOf);

        // Every contract whose renewal is to be opened in the coming year is pending, expected 60 days before its term
        // ends (within a week each side: the lag's distribution is smoothed by three days), however long after its win the
        // term started.
        var today = Instants.DayOf(AsOf);
        var waiting = due.Where(d => d.Value.AddDays(1 - OpenedAhead) >= today && d.Value.AddDays(1 - OpenedAhead) < today.AddYears(1)).ToList();
        Assert.InRange(waiting.Count, 40, 80);
        foreach (var (win, end) in waiting)
        {
            var k = book.Pending.FindIndex(p => p.OpportunityId == RenewalBook.VirtualPrefix + win);
            Assert.True(k >= 0, $"{win} is pending");
            var day = end.AddDays(1 - OpenedAhead).DayNumber - Instants.DayOf(AsOf).DayNumber;
            var near = book.CreationChance[k].Days().Skip(Math.Max(0, day - 8)).Take(17).Sum();
            Assert.True(near >= 0.9, $"{win}: {near:0.000} of its renewal within a week of day {day}");
        }
    }

    [Fact]
    public void RenewalBookings_AreTheContractsFallingDueInTheQuarter_AtTheirAmount()
    {
        // Worked by hand from the terms: a renewal is booked in 2025-Q1 when it is opened from 2024-12-22 to 2025-03-21
        // (won ten days on, 2025-01-01 to 2025-03-31), i.e. when its term ends from 2025-02-20 to 2025-05-20; each books
        // 12,000. Those opened before t are open deals at t; the rest are pending renewals. (Dropping the pending
        // renewals leaves only the ones opened in the last days of 2024: this test then fails.)
        var (data, due) = Company();
        var first = new DateOnly(2024, 12, 22).AddDays(OpenedAhead);
        var last = new DateOnly(2025, 3, 21).AddDays(OpenedAhead);
        var falling = due.Values.Count(end => end.AddDays(1) >= first && end.AddDays(1) <= last);
        var expected = falling * Amount;
        var opened = due.Values.Count(end => end.AddDays(1 - OpenedAhead) >= new DateOnly(2024, 12, 22) && end.AddDays(1 - OpenedAhead) < Instants.DayOf(AsOf));
        Assert.True(falling - opened >= 10, $"{falling} falling due, {opened} of them opened before t: the rest must be forecast");

        var model = ForecastModel.Fit(data, AsOf, cancellation: TestContext.Current.CancellationToken);
        var renewal = model.Forecast(new ForecastQuery { Indicators = ["bookings"], Period = FiscalCalendar.Default.Parse("2025-Q1"), By = [Dimension.Type] })
            .Single(r => r.Slice[SnakeCase.Name(Dimension.Type)] == SnakeCase.Name(OpportunityType.Renewal));

        // A contract falling due on the quarter's edges may be booked either side of it, and the hazards learned from a
        // hundred-odd renewals are shrunk toward all deals': a contract and a half's worth each way (of 21 here; the
        // pending renewals alone are more than ten).
        Assert.InRange(renewal.Mean!.Value, expected - (1.5m * Amount), expected + (1.5m * Amount));
    }

    /// <summary>The company, and the last day of each won deal's term by id (renewals' terms too).</summary>
    private static (Dataset Data, Dictionary<string, DateOnly> Due) Company()
    {
        var deals = new List<Opportunity>();
        var due = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        for (var k = 0; k < 100; k++)
        {
            var won = new DateTimeOffset(2022, 6, 1, 12, 0, 0, TimeSpan.Zero).AddDays(7 * k);
            var months = k % 2 == 0 ? 12 : 24;

            // Terms start 0 to 90 days after the win, in a pattern unrelated to the week of the win.
            var start = Instants.DayOf(won).AddDays(k * 37 % 91);
            var term = new ContractTerm(start, start.AddMonths(months).AddDays(-1));
            var deal = Deal($"o{k}", $"a{k}", OpportunityType.NewBusiness, won.AddDays(-30), won, term);
            deals.Add(deal);
            due[deal.OpportunityId] = term.End;
            for (var n = 1; ; n++)
            {
                var opened = Instants.StartOfDay(term.Due.AddDays(-OpenedAhead)).AddHours(10);
                if (opened >= AsOf)
                {
                    break;
                }

                var closed = opened.AddDays(WonAfter);
                var next = new ContractTerm(term.Due, term.Due.AddMonths(months).AddDays(-1));
                var renewal = closed < AsOf
                    ? Deal($"o{k}-r{n}", $"a{k}", OpportunityType.Renewal, opened, closed, next)
                    : Deal($"o{k}-r{n}", $"a{k}", OpportunityType.Renewal, opened, null, null);
                deals.Add(renewal);
                if (closed >= AsOf)
                {
                    break;
                }

                due[renewal.OpportunityId] = next.End;
                term = next;
            }
        }

        var data = new Dataset
        {
            Reps = [new Rep { RepId = "r1", Name = "R1", Team = "east", Role = RepRole.Am, StartDate = new DateOnly(2020, 1, 1) }],
            Opportunities = deals,
        };
        return (data, due);
    }

    private static Opportunity Deal(string id, string account, OpportunityType type, DateTimeOffset created, DateTimeOffset? closed, ContractTerm? term) => new()
    {
        OpportunityId = id,
        AccountId = account,
        OwnerRepId = "r1",
        ServiceLine = "support",
        Type = type,
        Amount = Amount,
        CreatedAt = created,
        ClosedAt = closed,
        Stage = closed is null ? "Negotiate" : "Closed Won",
        Status = closed is null ? OpportunityStatus.Open : OpportunityStatus.Won,
        Contract = term,
    };
}
