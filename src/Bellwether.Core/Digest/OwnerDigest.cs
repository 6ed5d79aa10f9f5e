using System.Text.Json.Serialization;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Signals;
using Bellwether.Core.Variance;

namespace Bellwether.Core.Digest;

/// <summary>
/// A pillar owner's week in one page: where their plans stand and where they are heading, what changed since a week
/// earlier, why the headline plan is off (its variance split by driver), the signals that moved, and the reps and
/// accounts that need attention. Every number in the rendered digest is one of the figures here.
/// </summary>
public sealed record OwnerDigest
{
    /// <summary>The owner as plans.csv names them (President, COO, CFO or a name).</summary>
    public required string Owner { get; init; }

    /// <summary>The pillars the owner holds a plan of, in the order of <see cref="Pillar"/>.</summary>
    public required IReadOnlyList<Pillar> Pillars { get; init; }

    [JsonConverter(typeof(UtcInstantJsonConverter))]
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The instant "last week" is read at: <see cref="AsOf"/> less seven days.</summary>
    [JsonConverter(typeof(UtcInstantJsonConverter))]
    public required DateTimeOffset WeekEarlier { get; init; }

    /// <summary>The company's reporting currency (ISO 4217).</summary>
    public required string Currency { get; init; }

    /// <summary>One or two sentences: each pillar's headline plan, where it is heading and how that moved.</summary>
    public required string Headline { get; init; }

    /// <summary>The owner's plans of the month, quarter and fiscal year containing <see cref="AsOf"/>, with the week-earlier reading.</summary>
    public required IReadOnlyList<PlanStatusRow> Plans { get; init; }

    /// <summary>Per pillar, its headline plan of the quarter explained against that plan.</summary>
    public required IReadOnlyList<Explanation> Explanations { get; init; }

    /// <summary>Every signal of the owner's pillars, with its change since a week earlier.</summary>
    public required IReadOnlyList<Signal> Signals { get; init; }

    /// <summary>The signals whose value moved in the week, the largest relative moves first.</summary>
    public required IReadOnlyList<Signal> Moved { get; init; }

    /// <summary>The reps and accounts behind the signals that need the owner's attention, most urgent first.</summary>
    public required IReadOnlyList<DigestAttention> Attention { get; init; }
}

/// <summary>One rep or account that needs attention, with the signal that raised it.</summary>
public sealed record DigestAttention
{
    public required Pillar Pillar { get; init; }

    /// <summary>The signal's title, e.g. "Revenue at risk", "Reps to coach".</summary>
    public required string Signal { get; init; }

    public required Attention Item { get; init; }
}
