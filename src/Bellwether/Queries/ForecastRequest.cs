using Bellwether.Core.Forecasting;

namespace Bellwether.Queries;

/// <summary>A forecast as asked: what and how sliced, as known at an instant, under a scenario named or none.</summary>
/// <param name="Query">Indicators, period, grain, dimensions and slice.</param>
/// <param name="AsOf">The instant of knowledge the model is fitted at.</param>
/// <param name="Scenario">A saved scenario's name (or <c>base</c>), resolved by <see cref="ScenarioBook"/>; null for none.</param>
public sealed record ForecastRequest(ForecastQuery Query, DateTimeOffset AsOf, string? Scenario);
