using System.Globalization;
using Bellwether.Core.Finance;
using Bellwether.Core.Reps;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Queries;

/// <summary>
/// Reads one <c>--set</c> of <c>bellwether scenario new</c>: <c>DRIVER[SLICE]=VALUE [from DATE] [to DATE] [...]</c>.
/// <list type="bullet">
/// <item><c>win_rate=+10%</c> (10% more wins), <c>win_rate[vertical=finance]=+5pt</c> (5 percentage points more)</item>
/// <item><c>deal_size=-5%</c>, <c>cycle_length=+20%</c>, <c>churn=+25%</c> (relative; a slice in brackets)</item>
/// <item><c>new_pipeline=+15% from 2026-01-01 to 2026-04-01</c>, <c>inbound_leads=-40% from 2026-01-01 to 2026-03-01</c>,
/// <c>activity=+20%</c> (relative, within dates)</item>
/// <item><c>add_reps=3 from 2026-01-15 [role ae] [team East] [ramp 3]</c>, <c>remove_rep=R12 from 2026-02-01</c></item>
/// <item><c>quota_lift</c> or <c>quota_lift=50%</c> (the share of under-quota reps lifted to quota)</item>
/// <item><c>expense[marketing]=+10% from 2026-01-01</c>, <c>expense[rnd]=20000/month</c></item>
/// </list>
/// Dates are inclusive starts (<c>from</c>) and exclusive ends (<c>to</c>), within the supported dates.
/// </summary>
public static class ScenarioSet
{
    /// <summary>Reads one change; false with what is wrong (<c>"win_rate=+x%": "+x%" is not a relative change …</c>) when it does not read.</summary>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DriverChange? change, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            change = Parse(text);
            reason = "";
            return true;
        }
        catch (SetError e)
        {
            // The reasons are found deep in the grammar below; they unwind to here, and only here, as a value.
            change = null;
            reason = e.Message;
            return false;
        }
    }

    private static DriverChange Parse(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            throw Error(text, "is empty");
        }

        var head = words[0];
        var close = head.IndexOf(']', StringComparison.Ordinal);
        var eq = head.IndexOf('=', close < 0 ? 0 : close);
        var target = eq < 0 ? head : head[..eq];
        var value = eq < 0 ? null : head[(eq + 1)..];
        var bracket = target.IndexOf('[', StringComparison.Ordinal);
        var driver = (bracket < 0 ? target : target[..bracket]).ToLowerInvariant();
        var sliceText = bracket < 0 ? null : target[(bracket + 1)..].TrimEnd(']');
        var clauses = Clauses(text, words[1..]);
        DateOnly? from = clauses.TryGetValue("from", out var f) ? Date(text, f) : null;
        DateOnly? to = clauses.TryGetValue("to", out var t) ? Date(text, t) : clauses.TryGetValue("until", out var u) ? Date(text, u) : null;

        DriverChange change = driver switch
        {
            "win_rate" => Required(text, value).EndsWith("pt", StringComparison.OrdinalIgnoreCase)
                ? new WinRateChange { Absolute = Points(text, value!) }
                : new WinRateChange { Relative = Relative(text, value!) },
            "deal_size" => new DealSizeChange { Relative = Relative(text, Required(text, value)) },
            "cycle_length" => new CycleLengthChange { Relative = Relative(text, Required(text, value)) },
            "new_pipeline" => new NewPipelineChange { Relative = Relative(text, Required(text, value)) },
            "inbound_leads" => new InboundLeadsChange { Relative = Relative(text, Required(text, value)) },
            "activity" => new ActivityChange { Relative = Relative(text, Required(text, value)) },
            "churn" => new ChurnChange { Relative = Relative(text, Required(text, value)) },
            "add_reps" => new AddRepsChange
            {
                Count = int.TryParse(Required(text, value), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw Error(text, "needs a whole number of reps, e.g. add_reps=3 from 2026-01-15"),
                Start = from ?? throw Error(text, "needs a start date: add_reps=3 from 2026-01-15"),
                Role = clauses.TryGetValue("role", out var role) ? SnakeCase.TryParse<RepRole>(role, out var r) ? r : throw Error(text, $"role {role} is not one of {string.Join(", ", SnakeCase.AllNames<RepRole>())}") : RepRole.Ae,
                Team = clauses.GetValueOrDefault("team"),
                RampMonths = clauses.TryGetValue("ramp", out var ramp) ? int.TryParse(ramp, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : throw Error(text, "ramp is a whole number of months") : null,
            },
            "remove_rep" => new RemoveRepChange { RepId = Required(text, value) },
            "quota_lift" => new QuotaLiftChange { Share = value is null ? 0.5 : Share(text, value) },
            "expense" => Expense(text, sliceText, Required(text, value)),
            _ => throw Error(text, $"\"{driver}\" is not a driver (win_rate, deal_size, cycle_length, new_pipeline, inbound_leads, activity, add_reps, remove_rep, quota_lift, churn, expense)"),
        };

        if (!change.Timed && (from is not null || to is not null))
        {
            throw Error(text, $"{driver} takes no dates: it changes every deal the forecast simulates, whenever it closes (drop the from/to)");
        }

        var slice = driver == "expense" || sliceText is null ? new Dictionary<string, string>() : Slice(text, sliceText);
        return change with { Slice = slice, From = driver == "add_reps" ? null : from, To = to };
    }

    private static ExpenseChange Expense(string text, string? category, string value)
    {
        if (category is null || !SnakeCase.TryParse<ExpenseCategory>(category, out var c))
        {
            throw Error(text, $"names its expense category in brackets: expense[marketing]=+10% ({string.Join(", ", SnakeCase.AllNames<ExpenseCategory>())})");
        }

        if (value.EndsWith("/month", StringComparison.OrdinalIgnoreCase))
        {
            var amount = value[..^"/month".Length];
            return decimal.TryParse(amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var a)
                ? new ExpenseChange { Category = c, MonthlyAmount = a }
                : throw Error(text, $"\"{value}\" is not an amount a month, e.g. 20000/month");
        }

        return new ExpenseChange { Category = c, Relative = Relative(text, value) };
    }

    private static Dictionary<string, string> Clauses(string text, string[] words)
    {
        var clauses = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < words.Length; i += 2)
        {
            if (i + 1 >= words.Length || words[i].ToLowerInvariant() is not ("from" or "to" or "until" or "role" or "team" or "ramp"))
            {
                throw Error(text, $"\"{words[i]}\" is not understood (after the value: from DATE, to DATE, and for add_reps role, team, ramp)");
            }

            clauses[words[i]] = words[i + 1];
        }

        return clauses;
    }

    private static Dictionary<string, string> Slice(string text, string sliceText) =>
        SliceText.TryParse(sliceText, out var slice, out var reason)
            ? slice.ToDictionary(kv => kv.Key, kv => kv.Value)
            : throw Error(text, $"[{sliceText}] {reason}");

    private static string Required(string text, string? value) =>
        string.IsNullOrEmpty(value) ? throw Error(text, "needs a value after =") : value;

    /// <summary>"+10%" → 0.10, "-40%" → −0.40.</summary>
    private static double Relative(string text, string value) =>
        value.EndsWith('%') && double.TryParse(value[..^1], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) && p > -100
            ? p / 100
            : throw Error(text, $"\"{value}\" is not a relative change such as +10% or -40%");

    /// <summary>"+5pt" → +0.05: percentage points added to the win rate.</summary>
    private static double Points(string text, string value) =>
        double.TryParse(value[..^2], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) && p is > -100 and < 100
            ? p / 100
            : throw Error(text, $"\"{value}\" is not a change in points such as +5pt");

    private static double Share(string text, string value) =>
        value.EndsWith('%') && double.TryParse(value[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 100
            ? p / 100
            : throw Error(text, $"\"{value}\" is not a share such as 50%");

    private static DateOnly Date(string text, string value) =>
        !IsoDate.TryParseDate(value, out var date) ? throw Error(text, $"\"{value}\" is not a date (expected 2026-01-15)")
        : !SupportedDates.Contains(date) ? throw Error(text, $"\"{value}\" {SupportedDates.Reason}")
        : date;

    private static SetError Error(string text, string reason) => new($"\"{text}\": {reason}");

    /// <summary>A change that does not read; never leaves <see cref="TryParse"/>.</summary>
    private sealed class SetError(string message) : Exception(message);
}
