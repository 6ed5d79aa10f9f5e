using Bellwether.Core.Data;
using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Forecasting;

public sealed class RenewalBookTests
{
    private const int Lag = 330;

    private static readonly DateTimeOffset AsOf = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AWinNotYetRenewed_IsExpectedWhereItsLagEnds()
    {
        // A contract won every week from June 2022 to April 2024, each on its own account; every one old enough was
        // renewed exactly 330 days after its win. So a win 300 days old at t, not yet renewed, comes up 30 days into
        // the projection (the lag's distribution is smoothed by three days each side), and nothing is expected for it after.
        var book = RenewalBook.Fit(Company(), AsOf);

        var wins = Wins().Where(w => (AsOf - w.ClosedAt!.Value).Days < Lag).ToList();
        Assert.Equal(wins.Count, book.Pending.Count);
        Assert.InRange(wins.Count, 8, 14);
        for (var k = 0; k < book.Pending.Count; k++)
        {
            var win = wins.Single(w => book.Pending[k].OpportunityId == RenewalBook.VirtualPrefix + w.OpportunityId);
            var due = Lag - (AsOf - win.ClosedAt!.Value).Days;
            var chance = book.CreationChance[k].Days();
            var near = chance.Skip(Math.Max(0, due - 8)).Take(17).Sum();
            Assert.True(near >= 0.9, $"{win.OpportunityId}: {near:0.000} of its renewal within a week of day {due}");
            Assert.True(chance.Sum() <= 1.0001);
        }
    }

    [Fact]
    public void ATermStartingOnTheFirstOfTheNextMonth_IsRenewedOnItsOwnDate_NotSmearedOverTheMonth()
    {
        // Each contract's term starts on the first of the month after its win, and its renewal is opened 290 days into
        // the term: wins a week apart land on every day of a month, so the lag from the win itself varies by a month,
        // while the lag from the term's start does not vary at all. Each pending renewal must be expected on its own
        // date (within a week each side: the lag's distribution is smoothed by three days), not spread over a month.
        static DateTimeOffset TermStart(Opportunity win) => new(win.ClosedAt!.Value.Year, win.ClosedAt.Value.Month, 1, 12, 0, 0, TimeSpan.Zero);
        static DateTimeOffset RenewalAt(Opportunity win) => TermStart(win).AddMonths(1).AddDays(290);
        var book = RenewalBook.Fit(Company(renewalAt: RenewalAt), AsOf);

        var waiting = Wins().Where(w => RenewalAt(w) >= AsOf).ToList();
        Assert.Equal(waiting.Count, book.Pending.Count);
        for (var k = 0; k < book.Pending.Count; k++)
        {
            var win = waiting.Single(w => book.Pending[k].OpportunityId == RenewalBook.VirtualPrefix + w.OpportunityId);
            var due = (int)Math.Floor((RenewalAt(win) - AsOf).TotalDays);
            var near = book.CreationChance[k].Days().Skip(Math.Max(0, due - 8)).Take(17).Sum();
            Assert.True(near >= 0.9, $"{win.OpportunityId}: {near:0.000} of its renewal within a week of day {due}");
        }
    }

    [Fact]
    public void APendingRenewal_BooksItsPredecessorsAmount_TimesWhatRenewalsBookedAgainstTheirsInAll()
    {
        // Small contracts (1,000) renewed at three times their size, large ones (20,000) at the same size, alternately:
        // together renewals booked Σ renewal / Σ predecessor = (50 × 3,000 + 50 × 20,000) / (50 × 1,000 + 50 × 20,000)
        // of what they renewed — not the mean of the per-deal ratios, (3 + 1) / 2 = 2, which would book a pending large
        // contract at twice its size.
        static decimal Amount(int k) => k % 2 == 0 ? 1_000 : 20_000;
        static decimal Renewed(int k) => k % 2 == 0 ? 3_000 : 20_000;
        var data = Company(Amount, Renewed);
        var matched = Wins(Amount).Where(w => w.ClosedAt!.Value.AddDays(Lag) < AsOf).Select(w => int.Parse(w.OpportunityId[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var ratio = matched.Sum(Renewed) / matched.Sum(Amount);

        var book = RenewalBook.Fit(data, AsOf);

        Assert.NotEmpty(book.Pending);
        foreach (var pending in book.Pending)
        {
            var k = int.Parse(pending.OpportunityId[(RenewalBook.VirtualPrefix.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(Math.Round(Amount(k) * ratio, 2), pending.Amount);
        }
    }

    [Fact]
    public void ARenewalSignedEarly_WhoseTermIsCountedFromItsCloseDate_IsRenewedWhenTheTermItAddsEnds()
    {
        // Contracts run a year from the first of the month after their win; each renewal deal is opened 100 days before
        // its term ends, expected to close on the day the new term starts, and signed 5 to 44 days after it was opened.
        // The export counts each term from the close date (term_months), as a CRM does: for a renewal, 56 to 95 days
        // before the term it adds begins. Its own renewal comes 100 days before that term ends — counted from the close
        // date that varies by 40 days; counted from the expected close plus the term, exactly. Each pending renewal of a
        // renewal must be expected on its own date (within a week each side), not smeared over the days it took to sign.
        var (data, opensOn) = SignedEarly();

        var book = RenewalBook.Fit(data, AsOf);

        var renewalWins = data.Opportunities.Where(o => o.Type == OpportunityType.Renewal && o.Status == OpportunityStatus.Won && opensOn.ContainsKey(o.OpportunityId)).ToList();
        Assert.InRange(renewalWins.Count, 20, 100);
        foreach (var win in renewalWins)
        {
            var k = book.Pending.FindIndex(p => p.OpportunityId == RenewalBook.VirtualPrefix + win.OpportunityId);
            Assert.True(k >= 0, $"{win.OpportunityId} is pending");
            var day = opensOn[win.OpportunityId].DayNumber - Instants.DayOf(AsOf).DayNumber;
            var near = book.CreationChance[k].Days().Skip(Math.Max(0, day - 8)).Take(17).Sum();
            Assert.True(near >= 0.9, $"{win.OpportunityId}: {near:0.000} of its renewal within a week of day {day}");
        }
    }

    /// <summary>The signed-early company, and for each won renewal whose own renewal is not yet opened at t, the day it will be.</summary>
    private static (Dataset Data, Dictionary<string, DateOnly> OpensOn) SignedEarly()
    {
        var deals = new List<Opportunity>();
        var history = new List<OpportunityChange>();
        var opensOn = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var (win, k) in Wins().Select((w, k) => (w, k)))
        {
            var closedDay = Instants.DayOf(win.ClosedAt!.Value);
            deals.Add(win with { Contract = ContractTerm.From(null, null, 12, closedDay) });
            var due = new DateOnly(closedDay.Year, closedDay.Month, 1).AddMonths(13);
            for (var n = 1; ; n++)
            {
                var opened = Instants.StartOfDay(due.AddDays(-100)).AddHours(10);
                if (opened >= AsOf)
                {
                    break;
                }

                var closed = opened.AddDays(5 + ((k + n) * 13 % 40));
                var id = $"{win.OpportunityId}-r{n}";
                var signed = closed < AsOf;
                deals.Add(win with
                {
                    OpportunityId = id,
                    Type = OpportunityType.Renewal,
                    ClosedAt = signed ? closed : null,
                    CreatedAt = opened,
                    Status = signed ? OpportunityStatus.Won : OpportunityStatus.Open,
                    Stage = signed ? "Closed Won" : "Negotiate",
                    Contract = signed ? ContractTerm.From(null, null, 12, Instants.DayOf(closed)) : null,
                });
                history.Add(new OpportunityChange { OpportunityId = id, ChangedAt = opened, Stage = "Negotiate", Status = OpportunityStatus.Open, Amount = win.Amount, ExpectedCloseDate = due });
                if (!signed)
                {
                    break;
                }

                due = due.AddMonths(12);
                if (due.AddDays(-100) >= Instants.DayOf(AsOf))
                {
                    opensOn[id] = due.AddDays(-100);
                    break;
                }
            }
        }

        return (new Dataset { Opportunities = deals, History = history }, opensOn);
    }

    private static Dataset Company(Func<int, decimal>? amount = null, Func<int, decimal>? renewed = null, Func<Opportunity, DateTimeOffset>? renewalAt = null)
    {
        var deals = new List<Opportunity>();
        foreach (var win in Wins(amount))
        {
            deals.Add(win);
            var renewalDay = renewalAt?.Invoke(win) ?? win.ClosedAt!.Value.AddDays(Lag);
            if (renewalDay < AsOf)
            {
                // Renewals lost ten days on: they are renewal deals to learn the lag from, and not wins of their own.
                deals.Add(win with
                {
                    OpportunityId = "renewal-" + win.OpportunityId,
                    Type = OpportunityType.Renewal,
                    Amount = renewed?.Invoke(int.Parse(win.OpportunityId[1..], System.Globalization.CultureInfo.InvariantCulture)) ?? win.Amount,
                    // ClosedAt first: each step of a with is checked, and the new CreatedAt is after the win's ClosedAt.
                    ClosedAt = renewalDay.AddDays(10) < AsOf ? renewalDay.AddDays(10) : null,
                    CreatedAt = renewalDay,
                    Status = renewalDay.AddDays(10) < AsOf ? OpportunityStatus.Lost : OpportunityStatus.Open,
                    Stage = renewalDay.AddDays(10) < AsOf ? "Closed Lost" : "Negotiate",
                });
            }
        }

        return new Dataset { Opportunities = deals };
    }

    private static IEnumerable<Opportunity> Wins(Func<int, decimal>? amount = null) =>
        Enumerable.Range(0, 100).Select(k =>
        {
            var won = new DateTimeOffset(2022, 6, 1, 12, 0, 0, TimeSpan.Zero).AddDays(7 * k);
            return new Opportunity
            {
                OpportunityId = $"o{k}",
                AccountId = $"a{k}",
                OwnerRepId = "r1",
                ServiceLine = "support",
                Type = OpportunityType.NewBusiness,
                Amount = amount?.Invoke(k) ?? 12_000,
                CreatedAt = won.AddDays(-30),
                ClosedAt = won,
                Stage = "Closed Won",
                Status = OpportunityStatus.Won,
            };
        });
}
