using System.Globalization;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;
using Bellwether.Core.Variance;

namespace Bellwether.Queries;

/// <summary>
/// Reads the parameters every request shares — instant, period, grain, dimensions, slice, names, pillar, owner — from
/// text, the one way the command line, the API and the dashboard read them, collecting every mistake instead of
/// stopping at the first. Each reader returns null (or an empty list) when its value is wrong, and the problem is in
/// <see cref="Problems"/>; <see cref="Result{T}"/> turns the whole into a request or its problems.
/// </summary>
/// <param name="calendar">The company's fiscal calendar: what <c>2026</c> and <c>2026-Q1</c> mean.</param>
/// <param name="now">The caller's now (to the second on the command line, to the hour for the API's forecasts).</param>
public sealed class QueryReader(FiscalCalendar calendar, DateTimeOffset now)
{
    private const string ForecastGrains = "forecasts are made for months, fiscal quarters and fiscal years";

    private readonly List<QueryProblem> _problems = [];

    public FiscalCalendar Calendar { get; } = calendar ?? throw new ArgumentNullException(nameof(calendar));

    public DateTimeOffset Now { get; } = now;

    public IReadOnlyList<QueryProblem> Problems => _problems;

    public bool Ok => _problems.Count == 0;

    public void Add(QueryProblem problem) => _problems.Add(problem);

    public void Add(string parameter, string message) => _problems.Add(new QueryProblem(parameter, message));

    /// <summary>The request made from what was read, or every problem found.</summary>
    public Checked<T> Result<T>(Func<T> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        return Ok ? Checked.Valid<T>(make()) : Checked.Invalid<T>([.. _problems]);
    }

    /// <summary>
    /// An instant (a date means the end of that day) within the supported dates and not in the future; <see cref="Now"/>
    /// when not given.
    /// </summary>
    public DateTimeOffset? AsOf(string? text, string parameter = "as_of")
    {
        if (text is null)
        {
            return Now;
        }

        if (Instants.TryParseAsOf(text, out var instant, out var reason))
        {
            // What will be known at a later instant is not known yet: read as of it, the data would stop at the last
            // event and every figure after it would be a zero that says nothing. A date is the end of that day, and
            // today's date east of UTC is tomorrow's in UTC: up to the end of tomorrow (UTC) is allowed.
            var latest = new DateTimeOffset(Instants.DayOf(Now).AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (instant > latest)
            {
                Add(parameter, $"\"{text}\" is in the future (today is {Instants.DayOf(Now):yyyy-MM-dd}): an as-of instant reads what was known then, and a later one is not known yet — to forecast a later period, give the period instead");
                return null;
            }

            return instant;
        }

        Add(parameter, $"\"{text}\" {reason}");
        return null;
    }

    /// <summary>
    /// A period of the company's calendar within the supported years; when not given, the one of
    /// <paramref name="fallback"/> grain containing the instant (the current fiscal quarter, as known at it).
    /// </summary>
    public Period? Period(string? text, DateTimeOffset? asOf, Grain fallback = Core.Time.Grain.Quarter, string parameter = "period")
    {
        if (text is null)
        {
            return Calendar.Containing((asOf ?? Now).AddTicks(-1), fallback);
        }

        if (Calendar.TryParse(text, out var period, out var reason))
        {
            return period;
        }

        Add(parameter, $"\"{text}\" {reason}");
        return null;
    }

    /// <summary>A period a forecast or a plan can have: a month, fiscal quarter or fiscal year.</summary>
    public Period? MonthOrLonger(Period? period, string? text, string parameter = "period")
    {
        if (period is { } p && p.Grain < Core.Time.Grain.Month)
        {
            Add(parameter, $"\"{text ?? p.Label}\" is a {SnakeCase.Name(p.Grain)}: {ForecastGrains}");
            return null;
        }

        return period;
    }

    /// <summary>The grain to split the period into: no coarser than the period.</summary>
    public Grain? Grain(string? text, Period? period, bool monthOrLonger = false)
    {
        if (text is null)
        {
            return null;
        }

        if (!FiscalCalendar.TryParseGrain(text, out var grain))
        {
            Add("grain", $"{text}: not one of day, week, month, quarter, year");
            return null;
        }

        if (monthOrLonger && grain < Core.Time.Grain.Month)
        {
            Add("grain", $"{text}: {ForecastGrains}");
            return null;
        }

        if (period is { } p && grain > p.Grain)
        {
            Add("grain", $"{text}: a {SnakeCase.Name(p.Grain)} cannot be split into {text.Trim().ToLowerInvariant()}s");
            return null;
        }

        return grain;
    }

    /// <summary>Dimensions to break rows down by, comma-separated; at most <paramref name="most"/>, each once.</summary>
    public IReadOnlyList<Dimension> By(string? text, int most = 2)
    {
        var words = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > most)
        {
            Add("by", most == 1 ? $"{text}: explain splits by one dimension" : $"{text}: at most {(most == 2 ? "two" : most.ToString(CultureInfo.InvariantCulture))} dimensions");
            return [];
        }

        var dimensions = new List<Dimension>();
        foreach (var word in words)
        {
            if (!SnakeCase.TryParse<Dimension>(word.ToLowerInvariant(), out var dimension))
            {
                Add("by", $"{word}: not a dimension ({string.Join(", ", SnakeCase.AllNames<Dimension>())})");
                return [];
            }

            if (dimensions.Contains(dimension))
            {
                Add("by", $"{text}: {word} appears twice");
                return [];
            }

            dimensions.Add(dimension);
        }

        return dimensions;
    }

    /// <summary>
    /// A slice as written (<c>vertical=finance;type=new_business</c>). Its values are checked against the data by
    /// <see cref="SliceValues"/>, which needs the workspace's data; this reads only the form.
    /// </summary>
    public IReadOnlyDictionary<Dimension, string> Slice(string? text)
    {
        if (IndicatorQuery.TryParseFilter(text, out var filter, out var reason))
        {
            return filter;
        }

        Add("slice", $"\"{text}\" {reason}");
        return new Dictionary<Dimension, string>();
    }

    /// <summary>Indicator names (each may be comma-separated); every one must be in the catalogue.</summary>
    public IReadOnlyList<string> Indicators(IEnumerable<string>? given, string parameter = "name") =>
        Names(given, parameter, "indicators", n => IndicatorCatalog.Find(n)?.Name, IndicatorCatalog.Names, "is not an indicator", listAll: false);

    /// <summary>Names of forecast indicators (each may be comma-separated).</summary>
    public IReadOnlyList<string> Forecasts(IEnumerable<string>? given, string parameter = "name") =>
        Names(given, parameter, "forecasts", n => ForecastIndicators.Names.FirstOrDefault(f => f == n), ForecastIndicators.Names, "is not an indicator that is forecast", listAll: true);

    /// <summary>The metric explain splits into drivers.</summary>
    public string? Metric(string? text, string parameter = "metric")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(parameter, $"is required: say which metric to explain ({string.Join(", ", VarianceExplainer.Metrics)})");
            return null;
        }

        var name = text.Trim().ToLowerInvariant();
        if (VarianceExplainer.Metrics.Contains(name))
        {
            return name;
        }

        Add(parameter, IndicatorCatalog.Find(name) is null
            ? $"\"{text}\" is not an indicator (explain takes {string.Join(", ", VarianceExplainer.Metrics)})"
            : $"\"{text}\" is not explained by driver (explain takes {string.Join(", ", VarianceExplainer.Metrics)})");
        return null;
    }

    /// <summary>What a gap is measured against: plan (default), previous or last_year.</summary>
    public Against Against(string? text)
    {
        if (text is null)
        {
            return Core.Variance.Against.Plan;
        }

        // A baseline is a second company's data, which only the core's AgainstBaseline takes.
        if (SnakeCase.TryParse<Against>(text.Trim().ToLowerInvariant(), out var against) && against != Core.Variance.Against.Baseline)
        {
            return against;
        }

        Add("against", $"{text}: not one of plan, previous, last_year");
        return Core.Variance.Against.Plan;
    }

    /// <summary>One pillar, or null for all four.</summary>
    public Pillar? Pillar(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (SnakeCase.TryParse<Pillar>(text.Trim().ToLowerInvariant(), out var pillar))
        {
            return pillar;
        }

        Add("pillar", $"\"{text}\" is not a pillar ({string.Join(", ", SnakeCase.AllNames<Pillar>())})");
        return null;
    }

    /// <summary>One owner's name, or null for everyone's; a blank one is a mistake, not "everyone".</summary>
    public string? Owner(string? text)
    {
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Add("owner", "is blank: say whose plans (a name such as President, COO or CFO)");
        }

        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>An amount in the company's currency (a bookings target): digits with <c>.</c> as the decimal point.</summary>
    public decimal? Amount(string? text, string parameter)
    {
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return amount;
        }

        Add(parameter, $"\"{text}\" is not a number (write 1250000 or 1250000.50, with . as the decimal point and no thousands separator)");
        return null;
    }

    /// <summary>A yes or no: <c>true</c>/<c>false</c> (also <c>1</c>/<c>0</c>, <c>yes</c>/<c>no</c>); <paramref name="fallback"/> when not given.</summary>
    public bool Flag(string? text, string parameter, bool fallback = false)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null:
                return fallback;
            case "true" or "1" or "yes":
                return true;
            case "false" or "0" or "no":
                return false;
            default:
                Add(parameter, $"\"{text}\" is not true or false");
                return fallback;
        }
    }

    /// <summary>
    /// One of a few <paramref name="words"/> (a document's format), in any case; <paramref name="fallback"/> when not
    /// given. <paramref name="what"/> says what the words are, for the message: "a format of the digest".
    /// </summary>
    public string OneOf(string? text, string parameter, IReadOnlyList<string> words, string fallback, string what)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (text is null)
        {
            return fallback;
        }

        var word = text.Trim().ToLowerInvariant();
        if (words.Contains(word, StringComparer.Ordinal))
        {
            return word;
        }

        Add(parameter, $"\"{text}\" is not {what} ({string.Join(", ", words)})");
        return fallback;
    }

    /// <summary>A scenario's name as given, for <see cref="ScenarioBook.Find"/>: not blank.</summary>
    public string? ScenarioName(string? text, string parameter = "scenario")
    {
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Add(parameter, "is blank: name a saved scenario, or base for the forecast without changes");
        }

        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private List<string> Names(IEnumerable<string>? given, string parameter, string what, Func<string, string?> find, IReadOnlyList<string> known, string notKnown, bool listAll)
    {
        var words = (given ?? []).SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (words.Count == 0)
        {
            Add(parameter, $"is required: say which {what} (bookings,win_rate)");
            return [];
        }

        var names = new List<string>();
        foreach (var word in words)
        {
            if (find(word.ToLowerInvariant()) is { } name)
            {
                if (!names.Contains(name))
                {
                    names.Add(name);
                }

                continue;
            }

            var near = Nearest.Of(word, known);
            Add(parameter, (listAll, near.Count) switch
            {
                (true, _) => $"\"{word}\" {notKnown} ({what}: {string.Join(", ", known)})",
                (false, > 0) => $"\"{word}\" {notKnown} (nearest: {string.Join(", ", near)})",
                _ => $"\"{word}\" {notKnown} (every one: `bellwether indicators --list`, GET /api/v1/{what})",
            });
        }

        return names;
    }
}
