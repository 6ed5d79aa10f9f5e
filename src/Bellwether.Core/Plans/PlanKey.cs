using System.Runtime.CompilerServices;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Plans;

/// <summary>
/// What identifies one plan: its pillar, metric, period label and slice (plans.csv's key). The slice is its canonical
/// text (<see cref="SliceText.Format"/>: dimensions in their enum's order), empty for the whole company, so that two
/// spellings of one slice are one key.
/// </summary>
public sealed record PlanKey
{
    public required Pillar Pillar { get; init => field = Guard.Defined(value); }

    /// <summary>An indicator's name, e.g. bookings, grr.</summary>
    public required string Metric { get; init => field = Guard.NotBlank(value); }

    /// <summary>The period label as the plan names it (<c>2026-Q4</c>), read with the company's fiscal calendar.</summary>
    public required string Period { get; init => field = Guard.NotBlank(value); }

    /// <summary>
    /// Canonical slice text, e.g. <c>vertical=finance;type=new_business</c>; empty for the whole company. Another
    /// spelling of the same slice is written canonically; text that is not a slice throws.
    /// </summary>
    public string Slice { get; init => field = Canonical(value); } = "";

    public static PlanKey Of(PlanLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new PlanKey { Pillar = line.Pillar, Metric = line.Metric, Period = line.Period, Slice = SliceText.Format(line.Slice) };
    }

    /// <summary>The plan line this key names, with a target and an owner.</summary>
    public PlanLine With(PlanTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return new PlanLine
        {
            Pillar = Pillar,
            Metric = Metric,
            Period = Period,
            Slice = SliceText.TryParse(Slice, out var slice, out _) ? slice : new Dictionary<string, string>(),
            Target = terms.Target,
            Owner = terms.Owner,
        };
    }

    private static string Canonical(string value, [CallerMemberName] string property = "")
    {
        Guard.NotNull(value, property);
        return SliceText.TryParse(value, out var slice, out var reason)
            ? SliceText.Format(slice)
            : throw new ArgumentException($"{property}: \"{value}\" {reason}", property);
    }

    /// <summary>How people read it: <c>new_business bookings 2026-Q4 [type=new_business]</c>.</summary>
    public override string ToString() =>
        $"{Text.SnakeCase.Name(Pillar)} {Metric} {Period}" + (Slice.Length == 0 ? "" : $" [{Slice}]");
}
