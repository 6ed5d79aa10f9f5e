namespace Bellwether.Core.Indicators;

/// <summary>A rep against a quota in a period.</summary>
public sealed record RepAttainment
{
    public required string RepId { get; init; }

    public required string RepName { get; init; }

    /// <summary>The quota's metric: bookings, new_pipeline, meetings or opportunities_created.</summary>
    public required string Metric { get; init; }

    public required decimal Actual { get; init; }

    public required decimal Quota { get; init; }

    /// <summary>Actual / quota; null for a zero quota (see <see cref="Note"/>).</summary>
    public decimal? Attainment { get; init; }

    /// <summary><c>over</c>, <c>near</c> or <c>far</c>; null without an attainment.</summary>
    public string? Band { get; init; }

    public string? Note { get; init; }

    internal DetailLine Line(string list, int rank) => new(list, rank, RepId, Attainment,
    [
        new("rep_name", RepName), new("metric", Metric), new("actual", IndicatorDetail.Text(Actual)),
        new("quota", IndicatorDetail.Text(Quota)), new("band", Band ?? ""), new("note", Note ?? ""),
    ]);
}

/// <summary>quota_attainment: every rep of the slice with a quota in the period.</summary>
public sealed record QuotaDetail : IndicatorDetail
{
    /// <summary>The metric the row's value is over: bookings when any rep of the slice has a bookings quota.</summary>
    public required string Metric { get; init; }

    public required IReadOnlyList<RepAttainment> Reps { get; init; }

    public override IEnumerable<DetailLine> Lines() => Reps.Select((r, i) => r.Line("reps", i + 1));
}

/// <summary>The reps of one attainment band.</summary>
public sealed record AttainmentBand
{
    public required int Count { get; init; }

    public required IReadOnlyList<RepAttainment> Reps { get; init; }
}

/// <summary>attainment_bands: over ≥ 100%, near 70–&lt;100%, far &lt; 70%; reps with a zero quota apart.</summary>
public sealed record AttainmentBandsDetail : IndicatorDetail
{
    public required AttainmentBand Over { get; init; }

    public required AttainmentBand Near { get; init; }

    public required AttainmentBand Far { get; init; }

    /// <summary>Reps whose quota is zero: no attainment, in no band.</summary>
    public required IReadOnlyList<RepAttainment> ZeroQuota { get; init; }

    public override IEnumerable<DetailLine> Lines() =>
        Over.Reps.Select((r, i) => r.Line("over", i + 1))
            .Concat(Near.Reps.Select((r, i) => r.Line("near", i + 1)))
            .Concat(Far.Reps.Select((r, i) => r.Line("far", i + 1)))
            .Concat(ZeroQuota.Select((r, i) => r.Line("zero_quota", i + 1)));
}

/// <summary>what_if_half_under_reach_quota: the reps lifted to exactly 100% and what it adds.</summary>
public sealed record WhatIfDetail : IndicatorDetail
{
    public required int UnderQuotaReps { get; init; }

    public required IReadOnlyList<RepAttainment> Lifted { get; init; }

    /// <summary>Bookings in the period (of every rep of the slice, as of the instant).</summary>
    public required decimal CurrentBookings { get; init; }

    public required decimal AddedBookings { get; init; }

    public required decimal NewTotalBookings { get; init; }

    public override IEnumerable<DetailLine> Lines() =>
        new[] { Figure("current_bookings", CurrentBookings), Figure("added_bookings", AddedBookings), Figure("new_total_bookings", NewTotalBookings) }
            .Concat(Lifted.Select((r, i) => r.Line("lifted", i + 1)));
}

/// <summary>A rep's place in rep_ranking.</summary>
public sealed record RankedRep
{
    public required int Rank { get; init; }

    public required string RepId { get; init; }

    public required string RepName { get; init; }

    /// <summary>Against the rep's quota (bookings first); null without a quota or with a zero quota.</summary>
    public decimal? Attainment { get; init; }

    /// <summary>The metric of the quota <see cref="Attainment"/> is measured against (bookings, new_pipeline, meetings…); null without one.</summary>
    public string? Metric { get; init; }

    public required decimal Bookings { get; init; }

    public decimal? WinRate { get; init; }

    public decimal? CycleDays { get; init; }

    public decimal? AvgDealSize { get; init; }

    public decimal? ActivitiesPerDay { get; init; }
}

/// <summary>rep_ranking: reps on a bookings quota, then each other quota metric's reps, then reps without a quota; each group by attainment, then bookings.</summary>
public sealed record RankingDetail : IndicatorDetail
{
    public required IReadOnlyList<RankedRep> Reps { get; init; }

    public override IEnumerable<DetailLine> Lines() => Reps.Select(r => new DetailLine("reps", r.Rank, r.RepId, r.Attainment,
    [
        new("rep_name", r.RepName), new("metric", r.Metric ?? ""), new("bookings", Text(r.Bookings)), new("win_rate", Text(r.WinRate)),
        new("cycle_days", Text(r.CycleDays)), new("avg_deal_size", Text(r.AvgDealSize)), new("activities_per_day", Text(r.ActivitiesPerDay)),
    ]));
}

/// <summary>A rep below an activity standard in the period.</summary>
public sealed record RepShortfall
{
    public required int Rank { get; init; }

    public required string RepId { get; init; }

    public required string RepName { get; init; }

    public required string ActivityType { get; init; }

    /// <summary><c>day</c> or <c>week</c>: the unit of <see cref="Minimum"/>, <see cref="Actual"/> and the average.</summary>
    public required string Per { get; init; }

    public required decimal Minimum { get; init; }

    /// <summary>Activities per active working day (× 5 for a weekly standard) in the period.</summary>
    public required decimal Actual { get; init; }

    /// <summary>Minimum − actual.</summary>
    public required decimal Shortfall { get; init; }

    /// <summary>Shortfall / minimum: the ranking key, comparable across standards of different sizes.</summary>
    public required decimal ShortfallShare { get; init; }

    /// <summary>The same rate over the 3 periods of equal grain before this one; null without working days there.</summary>
    public decimal? TrailingAverage { get; init; }
}

/// <summary>activity_standard_met: who is below standard, worst first, beside their own recent average.</summary>
public sealed record ActivityStandardDetail : IndicatorDetail
{
    public required int RepsWithStandard { get; init; }

    public required int RepsMeeting { get; init; }

    public required IReadOnlyList<RepShortfall> BelowStandard { get; init; }

    public override IEnumerable<DetailLine> Lines() => BelowStandard.Select(r => new DetailLine("below_standard", r.Rank, r.RepId, r.Shortfall,
    [
        new("rep_name", r.RepName), new("activity_type", r.ActivityType), new("per", r.Per), new("minimum", Text(r.Minimum)),
        new("actual", Text(r.Actual)), new("shortfall_share", Text(r.ShortfallShare)), new("trailing_average", Text(r.TrailingAverage)),
    ]));
}
