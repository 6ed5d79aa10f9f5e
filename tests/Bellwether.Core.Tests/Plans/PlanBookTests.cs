using Bellwether.Core.Plans;

namespace Bellwether.Core.Tests.Plans;

public sealed class PlanBookTests
{
    private static readonly PlanKey December = Key("2026-12");
    private static readonly DateTimeOffset Edited = At("2026-12-07T10:00:00Z");

    [Fact]
    public void PlansAsOfAnInstant_ReplayOnlyTheChangesMadeBeforeIt()
    {
        var book = new PlanBook(
        [
            Change(1, December, null, Terms(100, "President"), at: null),
            Change(2, December, Terms(100, "President"), Terms(150, "Rita"), Edited),
        ]);

        var lastMonth = Assert.Single(book.AsOf(At("2026-11-30T00:00:00Z")));
        var atTheEdit = Assert.Single(book.AsOf(Edited));
        var afterIt = Assert.Single(book.AsOf(Edited.AddTicks(1)));

        // Known from the start: the original plan, whatever the instant; the edit only from the instant after it.
        Assert.Equal((100m, "President"), (lastMonth.Target, lastMonth.Owner));
        Assert.Equal((100m, "President"), (atTheEdit.Target, atTheEdit.Owner));
        Assert.Equal((150m, "Rita"), (afterIt.Target, afterIt.Owner));
        Assert.Equal(book.Current().Select(l => (PlanKey.Of(l), PlanTerms.Of(l))), book.AsOf(DateTimeOffset.MaxValue).Select(l => (PlanKey.Of(l), PlanTerms.Of(l))));
    }

    [Fact]
    public void ARemovedPlan_IsGoneFromTheInstantAfterItsRemoval_AndThereBefore()
    {
        var book = new PlanBook(
        [
            Change(1, December, null, Terms(100, "President"), at: null),
            Change(2, December, Terms(100, "President"), null, Edited),
        ]);

        Assert.Single(book.AsOf(Edited));
        Assert.Empty(book.AsOf(Edited.AddSeconds(1)));
        Assert.Empty(book.Current());
    }

    [Fact]
    public void ChangesApply_InTheOrderTheyWereWritten_NotTheOrderTheyArrive()
    {
        // An import dated before an earlier edit of the same key was still written after it: the store holds its value.
        var book = new PlanBook(
        [
            Change(2, December, Terms(150, "Rita"), Terms(120, "President"), At("2026-12-01T00:00:00Z")),
            Change(1, December, Terms(100, "President"), Terms(150, "Rita"), Edited),
        ]);

        Assert.Equal(120m, Assert.Single(book.Current()).Target);
        Assert.Equal(120m, Assert.Single(book.AsOf(At("2026-12-02T00:00:00Z"))).Target);
        Assert.Equal([1L, 2L], book.Changes.Select(c => c.Sequence));
    }

    [Fact]
    public void KnownFromStart_HasEveryLineAtEveryInstant()
    {
        var line = December.With(Terms(100, "President"));

        var book = PlanBook.KnownFromStart([line]);

        Assert.Equal(line.Target, Assert.Single(book.AsOf(DateTimeOffset.UnixEpoch)).Target);
        Assert.All(book.Changes, c => Assert.Null(c.ChangedAt));
    }

    [Fact]
    public void AKey_WritesItsSliceCanonically_AndRefusesTextThatIsNoSlice()
    {
        var key = Key("2026-12") with { Slice = "type=new_business; vertical=finance" };

        Assert.Equal("vertical=finance;type=new_business", key.Slice);
        Assert.Throws<ArgumentException>(() => key with { Slice = "colour=blue" });
    }

    internal static PlanKey Key(string period, string metric = "bookings", string slice = "") =>
        new() { Pillar = Pillar.NewBusiness, Metric = metric, Period = period, Slice = slice };

    internal static PlanTerms Terms(decimal target, string owner) => new() { Target = target, Owner = owner };

    internal static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();

    private static PlanChange Change(long sequence, PlanKey key, PlanTerms? before, PlanTerms? after, DateTimeOffset? at) => new()
    {
        Sequence = sequence,
        Key = key,
        Before = before,
        After = after,
        ChangedBy = "alice",
        ChangedAt = at,
        Source = PlanChangeSource.Cli,
    };
}
