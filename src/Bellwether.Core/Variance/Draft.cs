using Bellwether.Core.Slicing;

namespace Bellwether.Core.Variance;

/// <summary>What one family of explanation worked out for one split, before the summary is written.</summary>
internal sealed record Draft
{
    public Decomposition? Decomposition { get; init; }

    public Basis Basis { get; init; } = Basis.Actual;

    public string? BasisNote { get; init; }

    public string Method { get; init; } = "";

    public Dimension? By { get; init; }

    /// <summary>The dimensions searched for the most concentrated split, when none was asked for.</summary>
    public IReadOnlyList<Dimension> Searched { get; init; } = [];

    public IReadOnlyList<Fact> Facts { get; init; } = [];

    public IReadOnlyList<AccountChange> Accounts { get; init; } = [];

    /// <summary>Why there is no decomposition, or null.</summary>
    public string? Missing { get; init; }

    public static Draft Lacking(string reason) => new() { Missing = reason };

    /// <summary>How concentrated the cells are: the largest cell's share of all cells' movement (0 when nothing moved).</summary>
    public decimal Concentration
    {
        get
        {
            var cells = Decomposition?.Cells ?? [];
            var total = cells.Sum(c => Math.Abs(c.Amount));
            return total == 0 ? 0 : Math.Abs(cells[0].Amount) / total;
        }
    }
}
