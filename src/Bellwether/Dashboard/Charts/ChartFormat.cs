using Bellwether.Core.Indicators;
using Bellwether.Core.Text;

namespace Bellwether.Dashboard.Charts;

/// <summary>
/// Names of the value formatters in <c>wwwroot/js/echart.js</c>: functions cannot travel in JSON, so a chart names its
/// formatter and the browser looks it up. Money is written in the company's currency, as <c>Readable.MoneyShort</c>
/// writes it on the server.
/// </summary>
public static class ChartFormat
{
    public const string Money = "fn:money";
    public const string Count = "fn:count";
    public const string Percent = "fn:percent";

    /// <summary>The formatter for a unit given by its snake_case name, as rows carry it.</summary>
    public static string For(string unit) =>
        SnakeCase.TryParse<Unit>(unit, out var known) ? For(known) : Count;

    public static string For(Unit unit) => unit switch
    {
        Unit.Money or Unit.MoneyPerDay => Money,
        Unit.Ratio => Percent,
        _ => Count,
    };
}
