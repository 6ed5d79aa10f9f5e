using Bellwether.Core.PlanStatus;
using Bellwether.Core.Reporting;
using Bellwether.Core.Signals;
using Bellwether.Core.Text;
using Bellwether.Core.Variance;

namespace Bellwether.Core.Digest;

/// <summary>
/// An owner's digest laid out as a page — headings, sentences, tables and lists — once, so that Markdown and HTML
/// show the same words and figures (<see cref="DigestMarkdown"/>, <see cref="DigestHtml"/>).
/// </summary>
public static class DigestDocument
{
    /// <summary>How many drivers of an explanation and clients behind it the page lists.</summary>
    private const int MostDrivers = 5;

    public static IReadOnlyList<DigestBlock> Of(OwnerDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var c = digest.Currency;
        var blocks = new List<DigestBlock>
        {
            new DigestHeading(1, $"Weekly digest for the {digest.Owner}"),
            new DigestParagraph(
                $"{string.Join(" and ", digest.Pillars.Select(MetricNames.Of))} · as of {DigestText.Instant(digest.AsOf)}, against a week earlier ({DigestText.Date(digest.WeekEarlier)}) · money in {digest.Currency}",
                Quiet: true),
            new DigestParagraph(digest.Headline, Strong: true),
            new DigestHeading(2, "Where the plans stand"),
            new DigestTable(
                ["pillar", "plan", "period", "target", "actual to date", "projected", "P10–P90", "status", "a week earlier"],
                [.. digest.Plans.Select(r => (IReadOnlyList<string>)PlanCells(r, c))],
                RightAligned: [3, 4, 5, 6]),
        };

        var notes = digest.Plans.Where(r => r.MissingReason is not null).Select(r => $"{MetricNames.Of(r.Metric)} {r.Period}: {r.MissingReason}").Distinct().ToList();
        if (notes.Count > 0)
        {
            blocks.Add(new DigestList([.. notes.Select(n => new DigestItem(null, n))]));
        }

        foreach (var explanation in digest.Explanations)
        {
            blocks.AddRange(Why(explanation, c));
        }

        blocks.Add(new DigestHeading(2, "Signals that moved this week"));
        blocks.Add(digest.Moved.Count == 0
            ? new DigestParagraph("No signal moved since a week earlier.")
            : new DigestTable(
                ["signal", "now", "in the week", "against", "status"],
                [.. digest.Moved.Select(s => (IReadOnlyList<string>)SignalCells(s, c))],
                RightAligned: [1, 2]));
        blocks.Add(new DigestHeading(2, "Every signal"));
        blocks.Add(new DigestList([.. digest.Signals.Select(Item)]));
        blocks.Add(new DigestHeading(2, "Needs your attention"));
        blocks.Add(digest.Attention.Count == 0
            ? new DigestParagraph("Nobody flagged this week.")
            : new DigestList([.. digest.Attention.Select(a => new DigestItem(a.Item.Name, $"{a.Signal.ToLowerInvariant()}: {a.Item.Reason}"))]));
        return blocks;
    }

    private static IEnumerable<DigestBlock> Why(Explanation e, string c)
    {
        yield return new DigestHeading(2, $"Why: {MetricNames.Of(e.Metric).ToLowerInvariant()} {e.Period} against {e.ComparisonLabel ?? "the plan"}");
        yield return new DigestParagraph(e.MissingReason ?? e.Summary);
        if (e.MissingReason is not null || e.Gap is not { } gap)
        {
            yield break;
        }

        var unit = Text.SnakeCase.Name(e.Unit);
        var drivers = e.Drivers.Take(MostDrivers).ToList();
        yield return new DigestTable(
            ["driver", e.ComparisonLabel ?? "plan", "actual", "contribution"],
            [.. drivers.Select(d => (IReadOnlyList<string>)
            [
                d.DriverLabel,
                d.From is { } f ? Readable.Value(f, d.DriverUnit, c) : "",
                d.To is { } t ? Readable.Value(t, d.DriverUnit, c) : "",
                DigestText.Change(d.Amount, e.Unit, c),
            ])],
            RightAligned: [1, 2, 3],
            Caption: e.Drivers.Count > drivers.Count
                ? $"The {drivers.Count} largest of {e.Drivers.Count} drivers; all of them add up to the gap, {DigestText.Change(gap, unit, c)}."
                : $"They add up to the gap, {DigestText.Change(gap, unit, c)}.");
        var accounts = e.Accounts.Take(MostDrivers).ToList();
        if (accounts.Count > 0)
        {
            yield return new DigestList([.. accounts.Select(a => new DigestItem(a.Name, $"{a.Kind}: {Readable.Money(a.Before, c)} → {Readable.Money(a.After, c)}"))]);
        }
    }

    /// <summary>A signal as a list item: its title in bold, unless its sentence already begins with it.</summary>
    private static DigestItem Item(Signal s)
    {
        var text = s.MissingReason ?? s.Summary;
        return text.StartsWith(s.Title, StringComparison.OrdinalIgnoreCase) ? new DigestItem(null, text) : new DigestItem(s.Title, text);
    }

    private static string[] PlanCells(PlanStatusRow r, string c) =>
    [
        MetricNames.Of(r.Pillar),
        MetricNames.Of(r.Metric) + DigestBuilder.SliceWords(r.Slice),
        r.Period,
        r.Target is { } target ? Beside(target, r.Projected, r.Unit, c) : "—",
        r.Actual is { } actual ? DigestText.Value(actual, r.Unit, c) : "—",
        r.Projected is { } projected ? Beside(projected, r.Target, r.Unit, c) + (r.Basis == PlanBasis.Actual ? " (actual)" : "") : "—",
        r.Basis == PlanBasis.Forecast && r.P10 is { } low && r.P90 is { } high ? DigestText.Range(low, high, r.Unit, c) : "",
        r.Status is { } s ? DigestText.Status(s) : "—",
        WeekEarlier(r, c),
    ];

    private static string WeekEarlier(PlanStatusRow r, string c)
    {
        if (r.WeekEarlier is not { } w)
        {
            return "";
        }

        if (!w.Planned)
        {
            return "no plan then";
        }

        var status = w.Status is { } s ? DigestText.Status(s) : "—";
        return w.ProjectedChange is { } change && change != 0 ? $"{status}; {DigestText.Change(change, r.Unit, c)}" : status;
    }

    /// <summary>A target or a projection written beside the other, so that two ratios that differ read differently.</summary>
    private static string Beside(decimal value, decimal? other, string unit, string c) =>
        other is { } o && SnakeCase.TryParse<Unit>(unit, out var u) ? Readable.Value(value, u, c, beside: o) : DigestText.Value(value, unit, c);

    private static string[] SignalCells(Signal s, string c) =>
    [
        s.Title,
        s.ValueText(c) ?? "—",
        s.ChangeSinceLastWeek is { } change ? Readable.Change(change, s.Unit, c) : "",
        s.ReferenceKind is null ? "" : s.ReferenceText(c) is { } reference ? $"{s.ReferenceKind} {reference}" : s.ReferenceKind,
        s.Status is { } status ? DigestText.Status(status) : "—",
    ];
}

/// <summary>A piece of a digest page.</summary>
public abstract record DigestBlock;

public sealed record DigestHeading(int Level, string Text) : DigestBlock;

/// <summary>A sentence or two; <paramref name="Strong"/> for the headline, <paramref name="Quiet"/> for the byline.</summary>
public sealed record DigestParagraph(string Text, bool Strong = false, bool Quiet = false) : DigestBlock;

/// <summary>A table of text cells; <paramref name="RightAligned"/> lists the figure columns.</summary>
public sealed record DigestTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<int> RightAligned, string? Caption = null) : DigestBlock;

public sealed record DigestList(IReadOnlyList<DigestItem> Items) : DigestBlock;

/// <summary>A list item: a name in bold (optional), then the text.</summary>
public sealed record DigestItem(string? Lead, string Text);
