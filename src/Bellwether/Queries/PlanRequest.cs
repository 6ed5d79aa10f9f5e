using Bellwether.Core.PlanStatus;

namespace Bellwether.Queries;

/// <summary>Plan status as asked: which plans, as of when, and the scenario's name to forecast under (resolved by <see cref="ScenarioBook"/>).</summary>
public sealed record PlanRequest(PlanQuery Query, string? Scenario);
