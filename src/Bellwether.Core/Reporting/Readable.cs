using System.Globalization;
using Bellwether.Core.Text;

namespace Bellwether.Core.Reporting;

/// <summary>
/// Figures as a pillar owner reads them — in tables, summaries and digests: money in the company's currency with
/// thousands separators (<c>$1,234,567</c>, or <c>$1.2M</c> where space is short), ratios as percentages
/// (<c>12.3%</c>), changes of a ratio in percentage points (<c>+1.2 pts</c>), whole numbers of things, days to a tenth.
/// The one place numbers become words; JSON and CSV keep raw values. Negative figures take a true minus sign (−).
/// </summary>
public static class Readable
{
    private const char Minus = '\u2212';

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Money to the unit: <c>$1,234,567</c>, <c>−€90,000</c>, <c>CHF 1,200</c>.</summary>
    public static string Money(decimal amount, string currency) =>
        Sign(amount) + Symbol(currency) + Math.Abs(Math.Round(amount, 0, MidpointRounding.AwayFromZero)).ToString("#,0", Invariant);

    /// <summary>Money in three significant figures or so, for summaries and narrow cells: <c>$13.4M</c>, <c>−$90k</c>, <c>$950</c>.</summary>
    public static string MoneyShort(decimal amount, string currency)
    {
        var size = Math.Abs(amount);
        var text = size switch
        {
            >= 1_000_000_000m => Scaled(size / 1_000_000_000m) + "B",
            >= 1_000_000m => Scaled(size / 1_000_000m) + "M",
            >= 1_000m => Scaled(size / 1_000m) + "k",
            _ => Math.Round(size, 0, MidpointRounding.AwayFromZero).ToString("0", Invariant),
        };

        // 999,999 rounds to "1000k": say 1.0M instead.
        if (text == "1000k")
        {
            text = "1.0M";
        }
        else if (text == "1000M")
        {
            text = "1.0B";
        }

        return Sign(amount) + Symbol(currency) + text;
    }

    /// <summary>A ratio (a fraction: 0.123) as a percentage: <c>12.3%</c>.</summary>
    public static string Percent(decimal ratio, int decimals = 1) =>
        Sign(ratio) + Math.Abs(Math.Round(ratio * 100, decimals, MidpointRounding.AwayFromZero)).ToString(Digits(decimals), Invariant) + "%";

    /// <summary>
    /// A value written beside another it is judged against (a plan, a benchmark): a ratio takes as many decimals, up to
    /// three, as make two different values read differently — 74.95% against a plan of 75% reads "74.95% against
    /// 75.00%", not "75.0% against 75.0%" beside an "at risk" that would then make no sense. Written the same way for
    /// both sides (each beside the other), so their decimals match. Other units as <see cref="Value(decimal, Unit, string)"/>.
    /// </summary>
    public static string Value(decimal value, Unit unit, string currency, decimal beside)
    {
        if (unit != Unit.Ratio || value == beside)
        {
            return Value(value, unit, currency);
        }

        var decimals = 1;
        while (decimals < 3 && Math.Round(value * 100, decimals, MidpointRounding.AwayFromZero) == Math.Round(beside * 100, decimals, MidpointRounding.AwayFromZero))
        {
            decimals++;
        }

        return Percent(value, decimals);
    }

    /// <summary>A change of a ratio, in percentage points with its sign: <c>+1.2 pts</c>, <c>−12.0 pts</c>.</summary>
    public static string Points(decimal ratioChange, int decimals = 1)
    {
        var points = Math.Round(ratioChange * 100, decimals, MidpointRounding.AwayFromZero);
        return (points > 0 ? "+" : Sign(points)) + Math.Abs(points).ToString(Digits(decimals), Invariant) + (Math.Abs(points) == 1 ? " pt" : " pts");
    }

    /// <summary>A count: whole numbers as such (<c>1,234</c>), averages to two places (<c>2.35</c>).</summary>
    public static string Count(decimal count) =>
        Sign(count) + Math.Abs(count).ToString(decimal.IsInteger(count) ? "#,0" : "#,0.0#", Invariant);

    /// <summary>Days to a tenth: <c>41.2 days</c>.</summary>
    public static string Days(decimal days) => Sign(days) + Math.Abs(Math.Round(days, 1, MidpointRounding.AwayFromZero)).ToString("#,0.0", Invariant) + " days";

    /// <summary>A value in its unit, as a person reads it.</summary>
    public static string Value(decimal value, Unit unit, string currency) => unit switch
    {
        Unit.Money => Money(value, currency),
        Unit.MoneyPerDay => Money(value, currency) + "/day",
        Unit.Ratio => Percent(value),
        Unit.Days => Days(value),
        _ => Count(value),
    };

    /// <summary>A value whose unit is given by its snake_case name, as rows carry it (<c>money</c>, <c>ratio</c>…).</summary>
    public static string Value(decimal value, string unit, string currency) =>
        SnakeCase.TryParse<Unit>(unit, out var known) ? Value(value, known, currency) : Count(value);

    /// <summary>A change of a value in its unit, always signed: <c>+$30,000</c>, <c>−1.5 pts</c>, <c>+3</c>, <c>+2.0 days</c>.</summary>
    public static string Change(decimal change, Unit unit, string currency)
    {
        if (unit == Unit.Ratio)
        {
            return Points(change);
        }

        var text = Value(change, unit, currency);
        return change > 0 ? "+" + text : text;
    }

    /// <summary>
    /// The symbol money is written with: the usual sign where one is unambiguous, otherwise the code and a space.
    /// </summary>
    public static string Symbol(string currency) => currency switch
    {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "INR" => "₹",
        "BRL" => "R$",
        "CAD" => "CA$",
        "AUD" => "A$",
        "NZD" => "NZ$",
        _ => currency + " ",
    };

    private static string Sign(decimal value) => value < 0 ? Minus.ToString() : "";

    private static string Digits(int decimals) => decimals <= 0 ? "#,0" : "#,0." + new string('0', decimals);

    /// <summary>Three significant figures or fewer: 134 → "134", 13.42 → "13.4", 1.254 → "1.25", 1.2 → "1.2".</summary>
    private static string Scaled(decimal value) =>
        value >= 100 ? Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("0", Invariant)
        : value >= 10 ? Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", Invariant)
        : Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.0#", Invariant);
}
