using Bellwether.Core.Activities;
using Bellwether.Core.Data;
using Bellwether.Core.Indicators;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Indicators;

/// <summary>Small hand-built companies and a one-line way to ask the engine about them.</summary>
internal static class Fixture
{
    /// <summary>The instant of an ISO text: <c>2017-03-31</c> is that day's start, as in the files.</summary>
    public static DateTimeOffset At(string text) =>
        Instants.TryParse(text, out var instant) ? instant : throw new FormatException(text);

    public static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A moment long after every fixture's data: "everything known now".</summary>
    public static readonly DateTimeOffset Now = At("2030-01-01");

    public static Rep Rep(string id, string? team = null, string? start = null, string? end = null, RepRole role = RepRole.Ae, string? region = null, string? manager = null) => new()
    {
        RepId = id,
        Name = "Rep " + id,
        Team = team,
        Role = role,
        Region = region,
        ManagerId = manager,
        StartDate = start is null ? null : Day(start),
        EndDate = end is null ? null : Day(end),
    };

    public static Accounts.Account Account(string id, string vertical) => new() { AccountId = id, Name = id, Vertical = vertical };

    /// <summary>A deal; closed with <paramref name="status"/> at <paramref name="closed"/> when given, else open.</summary>
    public static Opportunity Deal(
        string id, decimal amount, string created, string? closed = null, OpportunityStatus status = OpportunityStatus.Open,
        string rep = "r1", string account = "a1", string line = "consulting", OpportunityType type = OpportunityType.NewBusiness,
        string stage = "Proposal", string? expected = null, double? probability = null) => new()
        {
            OpportunityId = id,
            AccountId = account,
            OwnerRepId = rep,
            ServiceLine = line,
            Type = type,
            Amount = amount,
            CreatedAt = At(created),
            ClosedAt = closed is null ? null : At(closed),
            Status = closed is null ? OpportunityStatus.Open : status,
            Stage = closed is null ? stage : (status == OpportunityStatus.Won ? "Won" : "Lost"),
            ExpectedCloseDate = expected is null ? null : Day(expected),
            Probability = probability,
        };

    public static Opportunity Won(string id, decimal amount, string created, string closed, string rep = "r1", string account = "a1", string line = "consulting", OpportunityType type = OpportunityType.NewBusiness) =>
        Deal(id, amount, created, closed, OpportunityStatus.Won, rep, account, line, type);

    public static Opportunity Lost(string id, decimal amount, string created, string closed, string rep = "r1", string account = "a1", string line = "consulting") =>
        Deal(id, amount, created, closed, OpportunityStatus.Lost, rep, account, line);

    public static OpportunityChange Change(string id, string at, string stage, decimal amount, string? expected = null, OpportunityStatus status = OpportunityStatus.Open) => new()
    {
        OpportunityId = id,
        ChangedAt = At(at),
        Stage = stage,
        Status = status,
        Amount = amount,
        ExpectedCloseDate = expected is null ? null : Day(expected),
    };

    public static ActivityDay Acts(string rep, string day, ActivityType type, int count) => new(rep, Day(day), type, count);

    /// <summary>A company with the reps r1 and r2 (team east) and r3 (team west), and accounts a1 (retail), a2 (finance).</summary>
    public static Dataset Company(params Opportunity[] deals) => new()
    {
        Reps = [Rep("r1", "east"), Rep("r2", "east"), Rep("r3", "west")],
        Accounts = [Account("a1", "retail"), Account("a2", "finance")],
        Opportunities = deals,
    };

    public static IReadOnlyList<IndicatorRow> Run(
        Dataset data, string indicator, string period, DateTimeOffset? asOf = null, Dimension[]? by = null, Grain? grain = null,
        decimal? target = null, Dictionary<Dimension, string>? filter = null) =>
        new IndicatorEngine(data).Run(new IndicatorQuery
        {
            Indicators = [indicator],
            Period = data.Settings.Calendar.Parse(period),
            Grain = grain,
            By = by ?? [],
            AsOf = asOf ?? Now,
            Target = target,
            Filter = filter ?? [],
        });

    /// <summary>The single row of an overall query.</summary>
    public static IndicatorRow One(Dataset data, string indicator, string period, DateTimeOffset? asOf = null, decimal? target = null) =>
        Assert.Single(Run(data, indicator, period, asOf, target: target));

    public static decimal Value(Dataset data, string indicator, string period, DateTimeOffset? asOf = null, decimal? target = null)
    {
        var row = One(data, indicator, period, asOf, target);
        Assert.True(row.Value is not null, $"{indicator} {period} is missing: {row.MissingReason}");
        return row.Value!.Value;
    }

    /// <summary>The row of one slice value in a one-dimension query.</summary>
    public static IndicatorRow Slice(IReadOnlyList<IndicatorRow> rows, string dimension, string value) =>
        Assert.Single(rows, r => r.Slice.TryGetValue(dimension, out var v) && v == value);

    public static void Near(decimal expected, decimal? actual, decimal tolerance = 0.000001m)
    {
        Assert.NotNull(actual);
        Assert.True(Math.Abs(expected - actual!.Value) <= tolerance, $"expected {expected}, got {actual}");
    }
}
