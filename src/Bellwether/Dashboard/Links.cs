using Bellwether.Core.Plans;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

namespace Bellwether.Dashboard;

/// <summary>
/// Where a drill-down leads: the dashboard's addresses for a pillar, a slice, a rep, an account, an explanation and a
/// what-if, relative to the base address, every value escaped. The one place routes are written outside the pages'
/// own <c>@page</c> lines.
/// </summary>
public static class Links
{
    public static string Pillar(Pillar pillar) => "pillars/" + PillarName(pillar);

    /// <summary>A pillar in an address: <c>new-business</c>, <c>retention</c>, <c>expansion</c>, <c>cost-model</c>.</summary>
    public static string PillarName(Pillar pillar) => SnakeCase.Name(pillar).Replace('_', '-');

    public static bool TryParsePillar(string? name, out Pillar pillar) =>
        SnakeCase.TryParse((name ?? "").Replace('-', '_'), out pillar);

    public static string Rep(string repId) => "reps/" + Uri.EscapeDataString(repId);

    public static string Account(string accountId) => "accounts/" + Uri.EscapeDataString(accountId);

    /// <summary>The deals, reps and figures of one value of a dimension, within a fixed slice (a plan's <c>type=new_business</c>).</summary>
    public static string Slice(Dimension dimension, string value, IReadOnlyDictionary<string, string>? within = null)
    {
        var path = $"slices/{SnakeCase.Name(dimension)}/{Uri.EscapeDataString(value)}";
        var rest = within?.Where(kv => kv.Key != SnakeCase.Name(dimension)).ToDictionary(kv => kv.Key, kv => kv.Value);
        return rest is { Count: > 0 } ? $"{path}?within={Uri.EscapeDataString(SliceText.Format(rest))}" : path;
    }

    /// <summary>Where a person, a client or a slice named by a signal leads, by its kind; null for a kind without a page.</summary>
    public static string? Of(string kind, string id, IReadOnlyDictionary<string, string>? within = null) => kind switch
    {
        "rep" => Rep(id),
        "account" => Account(id),
        _ when SnakeCase.TryParse<Dimension>(kind, out var dimension) && dimension is not (Dimension.Rep or Dimension.Account) => Slice(dimension, id, within),
        _ => null,
    };

    /// <summary>A metric's gap explained by driver: the Variance page with its choices made.</summary>
    public static string Variance(string metric, string? period = null, string? against = null, IReadOnlyDictionary<string, string>? slice = null, string? by = null)
    {
        var query = new List<string> { "metric=" + Uri.EscapeDataString(metric) };
        if (period is not null)
        {
            query.Add("period=" + Uri.EscapeDataString(period));
        }

        if (against is not null)
        {
            query.Add("against=" + Uri.EscapeDataString(against));
        }

        if (slice is { Count: > 0 })
        {
            query.Add("slice=" + Uri.EscapeDataString(SliceText.Format(slice)));
        }

        if (by is not null)
        {
            query.Add("by=" + Uri.EscapeDataString(by));
        }

        return "variance?" + string.Join('&', query);
    }
}
