using Bellwether.Core.Time;

namespace Bellwether.Queries;

/// <summary>The finance pack as asked: its period, the instant of knowledge, and whether to forecast (the Forecast and Plans sheets).</summary>
public sealed record ExportRequest(Period Period, DateTimeOffset AsOf, bool Forecast);
