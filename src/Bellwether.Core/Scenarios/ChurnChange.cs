namespace Bellwether.Core.Scenarios;

/// <summary>
/// Clients churn <see cref="Relative"/> more (+0.25: a quarter more): each renewal's chance of being lost is multiplied
/// by 1 + Relative (a renewal's chance of winning becomes 1 − (1 − p)(1 + Relative)), and revenue the book carries
/// without a deal behind it decays that much faster.
/// </summary>
public sealed record ChurnChange : DriverChange
{
    public required double Relative { get; init; }

    public override string Kind => "churn";

    [System.Text.Json.Serialization.JsonIgnore]
    public override bool Timed => false;

    public override string Describe() => $"churn {Percent(Relative)}{Where()}";
}
