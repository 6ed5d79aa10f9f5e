using System.Globalization;
using Bellwether.Core.Data;
using Bellwether.Core.Import;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.PlanStatus;

/// <summary>
/// Reads a plan a person typed, reporting every mistake (not only the first): the pillar is one of the four; the metric
/// a known indicator; the period a month, fiscal quarter or fiscal year of the company's calendar; the slice names
/// dimensions the metric can be sliced by; the target a number in the metric's unit (a ratio as a fraction, or as a
/// percentage such as <c>45%</c>); the owner not blank.
/// </summary>
public static class PlanInput
{
    /// <summary>An engine over no rows, but with every file present: it answers whether a metric can be sliced by a dimension.</summary>
    private static readonly Lazy<IndicatorEngine> Probe = new(() => new IndicatorEngine(new Dataset
    {
        Files = FileSchemas.All.Select(s => s.FileName).ToHashSet(StringComparer.Ordinal),
    }));

    /// <summary>A whole plan (for <c>plan set</c>); null with the problems when any field is wrong.</summary>
    public static PlanLine? Read(PlanFields fields, FiscalCalendar calendar, out IReadOnlyList<PlanProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var found = new List<PlanProblem>();
        var key = ReadKey(fields, calendar, found);
        var target = ReadTarget(fields.Target, IndicatorCatalog.Find(fields.Metric ?? ""), found);
        if (string.IsNullOrWhiteSpace(fields.Owner))
        {
            found.Add(new PlanProblem("owner", "is required: the person accountable, e.g. President, COO, CFO or a name"));
        }

        problems = found;
        return found.Count == 0 ? key!.With(new PlanTerms { Target = target!.Value, Owner = fields.Owner!.Trim() }) : null;
    }

    /// <summary>A plan's key only (for <c>plan remove</c>); null with the problems when any field is wrong.</summary>
    public static PlanKey? ReadKey(PlanFields fields, FiscalCalendar calendar, out IReadOnlyList<PlanProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var found = new List<PlanProblem>();
        var key = ReadKey(fields, calendar, found);
        problems = found;
        return found.Count == 0 ? key : null;
    }

    private static PlanKey? ReadKey(PlanFields fields, FiscalCalendar calendar, List<PlanProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var before = problems.Count;
        Pillar pillar = default;
        if (string.IsNullOrWhiteSpace(fields.Pillar))
        {
            problems.Add(new PlanProblem("pillar", $"is required ({string.Join(", ", SnakeCase.AllNames<Pillar>())})"));
        }
        else if (!SnakeCase.TryParse<Pillar>(fields.Pillar.Trim().ToLowerInvariant(), out pillar))
        {
            problems.Add(new PlanProblem("pillar", $"\"{fields.Pillar}\" is not a pillar ({string.Join(", ", SnakeCase.AllNames<Pillar>())})"));
        }

        var definition = string.IsNullOrWhiteSpace(fields.Metric) ? null : IndicatorCatalog.Find(fields.Metric);
        if (string.IsNullOrWhiteSpace(fields.Metric))
        {
            problems.Add(new PlanProblem("metric", "is required: an indicator's name, e.g. bookings, grr, expansion_revenue, operating_margin"));
        }
        else if (definition is null)
        {
            problems.Add(new PlanProblem("metric", $"\"{fields.Metric}\" is not an indicator (`bellwether indicators --list` lists them)"));
        }

        Period period = default;
        if (string.IsNullOrWhiteSpace(fields.Period))
        {
            problems.Add(new PlanProblem("period", "is required: a month (2026-03), fiscal quarter (2026-Q1) or fiscal year (2026)"));
        }
        else if (!calendar.TryParse(fields.Period, out period, out var reason))
        {
            problems.Add(new PlanProblem("period", $"\"{fields.Period}\" {reason}"));
        }
        else if (period.Grain < Grain.Month)
        {
            problems.Add(new PlanProblem("period", $"\"{fields.Period}\" is a {SnakeCase.Name(period.Grain)}: plans are set for a month, fiscal quarter or fiscal year"));
        }

        IReadOnlyDictionary<string, string> slice = new Dictionary<string, string>();
        if (!SliceText.TryParse(fields.Slice, out slice, out var sliceReason))
        {
            problems.Add(new PlanProblem("slice", $"\"{fields.Slice}\" {sliceReason}"));
        }
        else if (definition is not null && CannotSlice(definition.Name, slice) is { } cannot)
        {
            problems.Add(new PlanProblem("slice", $"\"{fields.Slice}\": {definition.Name} {cannot}"));
        }

        return problems.Count > before
            ? null
            : new PlanKey { Pillar = pillar, Metric = definition!.Name, Period = period.Label, Slice = SliceText.Format(slice) };
    }

    /// <summary>
    /// Why the metric cannot be restricted to the slice ("cannot be sliced by type"), or null. Asked of an engine over
    /// no rows: which dimensions an indicator's rows carry does not depend on the data.
    /// </summary>
    private static string? CannotSlice(string metric, IReadOnlyDictionary<string, string> slice)
    {
        if (slice.Count == 0)
        {
            return null;
        }

        var rows = Probe.Value.Run(new IndicatorQuery
        {
            Indicators = [metric],
            Period = FiscalCalendar.Default.Month(2000, 1),
            Filter = IndicatorQuery.FilterOf(slice),
            AsOf = FiscalCalendar.Default.Month(2000, 2).StartInstant,
        });
        var reason = rows.Select(r => r.MissingReason).FirstOrDefault(r => r is not null && r.Contains("cannot be sliced by", StringComparison.Ordinal));
        if (reason is null)
        {
            return null;
        }

        var at = reason.IndexOf("cannot be sliced by", StringComparison.Ordinal);
        return $"{reason[at..]} ({reason})";
    }

    private static decimal? ReadTarget(string? text, IndicatorDefinition? definition, List<PlanProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new PlanProblem("target", "is required: a number in the metric's unit (a ratio as a fraction such as 0.45, or 45%)"));
            return null;
        }

        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        var number = percent ? trimmed[..^1].TrimEnd() : trimmed;
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            problems.Add(new PlanProblem("target", $"\"{text}\" is not a number (write 1250000 or 0.45 or 45%, with . as the decimal point and no thousands separator)"));
            return null;
        }

        if (percent && definition is not null && definition.Unit != Unit.Ratio)
        {
            problems.Add(new PlanProblem("target", $"\"{text}\" is a percentage, but {definition.Name} is in {SnakeCase.Name(definition.Unit)}, not a ratio"));
            return null;
        }

        // A ratio is a fraction: 92 for a 92% retention plan would be a target of 9,200%. No ratio plan reaches ten
        // times its whole; a number that does was meant as a percentage.
        if (!percent && definition is { Unit: Unit.Ratio } && Math.Abs(value) > 10)
        {
            problems.Add(new PlanProblem("target", $"\"{text}\" as a ratio is {value * 100m:0.#}%: {definition.Name} is a ratio, written as a fraction ({value / 100m:0.####}) or as a percentage ({value}%)"));
            return null;
        }

        return percent ? value / 100m : value;
    }
}
