namespace Bellwether.Core.Scenarios;

/// <summary>
/// A named what-if: a list of changes to the forecast's drivers, applied in order. Data only, so the CLI can store it as
/// JSON (<see cref="ScenarioJson"/>) and the dashboard can edit it. A scenario with no changes is the base forecast.
/// </summary>
public sealed record Scenario
{
    public static readonly Scenario Base = new() { Name = "base" };

    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<DriverChange> Changes { get; init; } = [];
}
