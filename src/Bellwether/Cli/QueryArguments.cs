using Bellwether.Core.Indicators;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Cli;

/// <summary>
/// The options indicators, forecasts and scenarios share — period, grain, dimensions, slice and instant — read once,
/// the same way, with every mistake a one-line error naming the option.
/// </summary>
public sealed record QueryArguments(Period Period, Grain? Grain, IReadOnlyList<Dimension> By, IReadOnlyDictionary<Dimension, string> Filter, DateTimeOffset AsOf)
{
    /// <summary>Now, to the second: "everything known now" needs no fractions of a second in every row.</summary>
    public static DateTimeOffset Now(CliContext context)
    {
        var now = context.Clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>Reads the shared options; the period defaults to the current fiscal quarter, the instant to now.</summary>
    public static QueryArguments Parse(string? periodText, string? grainText, string? byText, string? sliceText, string? asOfText, FiscalCalendar calendar, DateTimeOffset now)
    {
        var instant = now;
        if (asOfText is not null && !Instants.TryParseAsOf(asOfText, out instant, out var asOfReason))
        {
            throw new UserErrorException($"--as-of \"{asOfText}\" {asOfReason}");
        }

        Period periodValue;
        if (periodText is null)
        {
            periodValue = calendar.Containing(instant.AddTicks(-1), Core.Time.Grain.Quarter);
        }
        else if (!calendar.TryParse(periodText, out periodValue, out var reason))
        {
            throw new UserErrorException($"--period \"{periodText}\" {reason}");
        }

        Grain? grainValue = null;
        if (grainText is not null)
        {
            if (!FiscalCalendar.TryParseGrain(grainText, out var g))
            {
                throw new UserErrorException($"--grain {grainText}: not one of day, week, month, quarter, year");
            }

            if (g > periodValue.Grain)
            {
                throw new UserErrorException($"--grain {grainText}: a {SnakeCase.Name(periodValue.Grain)} cannot be split into {grainText}s");
            }

            grainValue = g;
        }

        var dimensions = new List<Dimension>();
        foreach (var word in (byText ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!SnakeCase.TryParse<Dimension>(word, out var dimension))
            {
                throw new UserErrorException($"--by {word}: not a dimension ({string.Join(", ", SnakeCase.AllNames<Dimension>())})");
            }

            dimensions.Add(dimension);
        }

        if (dimensions.Count > 2)
        {
            throw new UserErrorException($"--by {byText}: at most two dimensions");
        }

        if (!IndicatorQuery.TryParseFilter(sliceText, out var filter, out var sliceReason))
        {
            throw new UserErrorException($"--slice \"{sliceText}\" {sliceReason}");
        }

        return new QueryArguments(periodValue, grainValue, dimensions, filter, instant);
    }
}
