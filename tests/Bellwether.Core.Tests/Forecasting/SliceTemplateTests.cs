using Bellwether.Core.Forecasting;
using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Tests.Forecasting;

/// <summary>
/// Deals not yet created have no vertical; a by-vertical forecast shares their wins out as the stream's recent wins
/// fell. With markets parting (finance buying more readily every year, retail less), the share must be the last half
/// year's, not the whole year's, which reads the mix as it was months ago.
/// </summary>
public sealed class SliceTemplateTests
{
    private static readonly DateTimeOffset AsOf = SmallCompany.At("2025-07-01");

    [Fact]
    public void NewDealsWins_AreSharedAmongVerticals_AsTheStreamsWinsOfTheLastHalfYear()
    {
        var data = SmallCompany.Generate(verticalDriftPerYear: 0.25);
        var parts = ForecastModel.Fit(data, AsOf, cancellation: TestContext.Current.CancellationToken).Parts;
        var vertical = data.Accounts.ToDictionary(a => a.AccountId, a => a.Vertical);
        var from = AsOf.AddDays(-182);

        foreach (var atom in parts.Creation.Atoms.Where(a => a.Stream.Type == (int)OpportunityType.NewBusiness).DistinctBy(a => a.Stream))
        {
            var source = parts.Facts.LevelsOf(Dimension.Source).Value(atom.Stream.Source);
            var wins = data.Opportunities
                .Where(o => o.Status == OpportunityStatus.Won && o.Type == OpportunityType.NewBusiness && o.ClosedAt >= from && o.ClosedAt < AsOf
                    && Core.Text.SnakeCase.Name(o.Source!.Value) == source)
                .ToList();
            var expected = wins.Where(o => vertical[o.AccountId] == "finance").Sum(o => o.Amount) / wins.Sum(o => o.Amount);

            var share = parts.ShareIn(AtomPlan.Of(parts.Facts, atom), new Dictionary<Dimension, string> { [Dimension.Vertical] = "finance" });

            Assert.True(wins.Count >= 30, $"{source}: {wins.Count} wins in the half year");
            Assert.Equal((double)expected, share, 9);
        }
    }
}
