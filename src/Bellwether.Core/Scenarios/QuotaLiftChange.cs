namespace Bellwether.Core.Scenarios;

/// <summary>
/// What if half the under-quota reps reached quota (indicators.md, what_if_half_under_reach_quota), for the bookings of
/// each forecast period: the reps whose forecast P50 is under their bookings quota, sorted by attainment descending;
/// the first ceil(n × <see cref="Share"/>) of them get the shortfall to 100% added to every future.
/// </summary>
public sealed record QuotaLiftChange : DriverChange
{
    public double Share { get; init; } = 0.5;

    public override string Kind => "quota_lift";

    [System.Text.Json.Serialization.JsonIgnore]
    public override bool Timed => false;

    public override string Describe() => $"quota_lift {Share:P0} of under-quota reps to quota";
}
