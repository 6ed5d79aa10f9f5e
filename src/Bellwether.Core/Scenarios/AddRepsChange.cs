using Bellwether.Core.Reps;

namespace Bellwether.Core.Scenarios;

/// <summary>
/// <see cref="Count"/> reps of a role join on <see cref="Start"/>. Each creates the pipeline a ramped rep of the role
/// creates per day (outbound and unsourced streams: inbound volume is set by leads, not headcount), times the ramp
/// (0 on the start date, full after <see cref="RampMonths"/>, the company's setting by default). Their deals are won as
/// the company's new deals are, but none before a typical cycle (the median won new-business cycle) has passed since
/// the start date.
/// </summary>
public sealed record AddRepsChange : DriverChange
{
    public int Count { get; init; } = 1;

    public required DateOnly Start { get; init; }

    public RepRole Role { get; init; } = RepRole.Ae;

    /// <summary>The team they join; by default the largest team of the role.</summary>
    public string? Team { get; init; }

    public int? RampMonths { get; init; }

    public override string Kind => "add_reps";

    /// <summary>Hires act from the day they join.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public override DateOnly? FirstDay => Start;

    public override string Describe() => $"add_reps +{Count} {Text.SnakeCase.Name(Role)}{(Team is null ? "" : $" in {Team}")} from {Start:yyyy-MM-dd}";
}
