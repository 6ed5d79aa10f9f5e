using Bellwether.Core.Reporting;
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
    public const string Days = "fn:days";

    /// <summary>Signed changes, as <c>Readable.Change</c> writes them: +$90k, −1.2 pts, +3, +2.0 days.</summary>
    public const string MoneyChange = "fn:moneyChange";
    public const string Points = "fn:points";
    public const string CountChange = "fn:countChange";
    public const string DaysChange = "fn:daysChange";

    /// <summary>The formatter for a unit given by its snake_case name, as rows carry it.</summary>
    public static string For(string unit) =>
        SnakeCase.TryParse<Unit>(unit, out var known) ? For(known) : Count;

    public static string For(Unit unit) => unit switch
    {
        Unit.Money or Unit.MoneyPerDay => Money,
        Unit.Ratio => Percent,
        Unit.Days => Days,
        _ => Count,
    };

    /// <summary>The formatter of a signed change of a value in the unit.</summary>
    public static string ChangeFor(Unit unit) => unit switch
    {
        Unit.Money or Unit.MoneyPerDay => MoneyChange,
        Unit.Ratio => Points,
        Unit.Days => DaysChange,
        _ => CountChange,
    };
}
