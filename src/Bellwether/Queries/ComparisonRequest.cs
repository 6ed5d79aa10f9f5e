using Bellwether.Core.Forecasting;

namespace Bellwether.Queries;

/// <summary>Two scenarios compared (<c>scenario show</c> and <c>compare</c>): what is forecast, as of when, and the two names.</summary>
public sealed record ComparisonRequest(ForecastQuery Query, DateTimeOffset AsOf, string First, string Second);
