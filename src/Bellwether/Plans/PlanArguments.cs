using System.Diagnostics.CodeAnalysis;
using Bellwether.Cli;
using Bellwether.Core.Plans;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Plans;

/// <summary>
/// The options of <c>bellwether plans</c> and the query parameters of <c>GET …/plans</c>, read once, the same way:
/// period (default: the month, quarter and year containing the instant), pillar, owner and instant. Each mistake is a
/// one-line error naming the option.
/// </summary>
public static class PlanArguments
{
    /// <param name="periodText">A period; its plans and those of every period within it. Null for the month, quarter and year containing the instant.</param>
    /// <param name="pillarText">One pillar, or null for all four.</param>
    /// <param name="owner">One owner's plans, or null for everyone's.</param>
    /// <param name="asOfText">A date (its end) or an instant; null for <paramref name="now"/>, with the plans as they stand.</param>
    /// <param name="calendar">The company's fiscal calendar.</param>
    /// <param name="now">The caller's now.</param>
    /// <param name="commandLine">Whether messages name options (<c>--as-of</c>) or query parameters (<c>as_of</c>).</param>
    public static PlanQuery Parse(string? periodText, string? pillarText, string? owner, string? asOfText, FiscalCalendar calendar, DateTimeOffset now, bool commandLine) =>
        TryParse(periodText, pillarText, owner, asOfText, calendar, now, commandLine, out var query, out var error) ? query : throw new UserErrorException(error);

    /// <summary>As <see cref="Parse"/>, returning the mistake instead of throwing it (for the API, which answers with a problem).</summary>
    public static bool TryParse(string? periodText, string? pillarText, string? owner, string? asOfText, FiscalCalendar calendar, DateTimeOffset now, bool commandLine, [NotNullWhen(true)] out PlanQuery? query, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        query = null;
        error = null;
        var asOf = now;
        if (asOfText is not null && !Instants.TryParseAsOf(asOfText, out asOf))
        {
            error = $"{Name("as_of", commandLine)} {asOfText}: not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)";
            return false;
        }

        PlanScope scope;
        if (periodText is null)
        {
            scope = PlanScope.Around(asOf, calendar);
        }
        else if (calendar.TryParse(periodText, out var period, out var reason))
        {
            scope = PlanScope.Within(period);
        }
        else
        {
            error = $"{Name("period", commandLine)} \"{periodText}\" {reason}";
            return false;
        }

        Pillar? pillar = null;
        if (pillarText is not null)
        {
            if (!SnakeCase.TryParse<Pillar>(pillarText.Trim().ToLowerInvariant(), out var p))
            {
                error = $"{Name("pillar", commandLine)} \"{pillarText}\": not a pillar ({string.Join(", ", SnakeCase.AllNames<Pillar>())})";
                return false;
            }

            pillar = p;
        }

        if (owner is not null && string.IsNullOrWhiteSpace(owner))
        {
            error = $"{Name("owner", commandLine)}: say whose plans (a name such as President, COO or CFO)";
            return false;
        }

        query = new PlanQuery { Scope = scope, AsOf = asOf, LatestPlans = asOfText is null, Pillar = pillar, Owner = owner?.Trim() };
        return true;
    }

    /// <summary>An option or parameter as the caller knows it: <c>--as-of</c> on the command line, <c>as_of</c> in the API.</summary>
    public static string Name(string parameter, bool commandLine) =>
        commandLine ? "--" + parameter.Replace('_', '-') : parameter;
}
