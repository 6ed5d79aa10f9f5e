using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators.Pipeline;

/// <summary>
/// How much of each role's selling falls in a slice: per role, the share of the deals its reps created in the trailing
/// 4 fiscal quarters that pass the slice's deal-only filter (type, source, vertical… — the dimensions reps do not
/// carry). Without such a filter a role that created any deal has share 1 and one that created none (managers, SDRs
/// whose meetings become their AEs' deals) share 0. Capacity indicators weight each rep-month by the rep's role share,
/// so that under <c>type=new_business</c> the AEs who sell new business count and the account managers who sell
/// renewals do not, and a hire is of the role with the largest share.
/// </summary>
internal sealed class SellingRoles
{
    private static readonly int RoleCount = Enum.GetValues<RepRole>().Length;

    private readonly double[] _share;

    private SellingRoles(double[] share, string basis, IReadOnlyDictionary<Dimension, string> dealFilter)
    {
        _share = share;
        Basis = basis;
        DealFilter = dealFilter;
    }

    /// <summary>The deals the shares were learned from, e.g. "deals created in 2016-Q3..2017-Q2".</summary>
    public string Basis { get; }

    /// <summary>The part of the query's filter that reps do not carry (empty when the filter is all rep dimensions).</summary>
    public IReadOnlyDictionary<Dimension, string> DealFilter { get; }

    /// <summary>The role a hire would have: the one with the largest share (the enum's order breaks ties: AE first).</summary>
    public RepRole HireRole
    {
        get
        {
            var best = 0;
            for (var r = 1; r < _share.Length; r++)
            {
                if (_share[r] > _share[best])
                {
                    best = r;
                }
            }

            return (RepRole)best;
        }
    }

    public double Share(RepRole role) => _share[(int)role];

    /// <summary>A rep's weight: their role's share (reps other files name without a reps.csv row count as AEs).</summary>
    public double Of(RepTable reps, int rep) => _share[(int)RoleOf(reps, rep)];

    /// <summary>The shares in force at an instant, learned from deals created before it.</summary>
    public static SellingRoles At(Scope s, long at) => s.Memo($"selling_roles:{at}", () =>
    {
        var reps = s.Data.Reps;
        var dealFilter = s.Filter.Where(f => reps.Codes[f.Key] is null).ToDictionary(f => f.Key, f => f.Value);
        var inSlice = s.Cache.Slicing([], dealFilter).Map(Source.Deals).Of;
        var window = Window.Trailing(s.Calendar, at, Grain.Quarter, 4);
        var (total, matching) = Count(s, inSlice, window.From, Math.Min(window.To, at));
        var basis = $"deals created in {window.Label}";
        if (total.Sum() == 0)
        {
            (total, matching) = Count(s, inSlice, long.MinValue, at);
            basis = $"deals created before {Window.Format(at)}";
        }

        var share = new double[RoleCount];
        for (var r = 0; r < RoleCount; r++)
        {
            // With no deal at all to learn from, every role counts in full (and there is no pipeline to divide anyway).
            share[r] = total.Sum() == 0 ? 1 : total[r] == 0 ? 0 : matching[r] / (double)total[r];
        }

        return new SellingRoles(share, total.Sum() == 0 ? "no deals yet: every role counts" : basis, dealFilter);
    });

    private static (int[] Total, int[] Matching) Count(Scope s, int[] inSlice, long from, long to)
    {
        var deals = s.Data.Deals;
        var total = new int[RoleCount];
        var matching = new int[RoleCount];
        var a = Sorted.LowerBound(deals.CreatedSorted, from);
        var b = Sorted.LowerBound(deals.CreatedSorted, Math.Min(to, s.T));
        for (var k = a; k < b; k++)
        {
            var i = deals.ByCreated[k];
            var role = (int)RoleOf(s.Data.Reps, deals.Rep[i]);
            total[role]++;
            if (inSlice[i] >= 0)
            {
                matching[role]++;
            }
        }

        return (total, matching);
    }

    private static RepRole RoleOf(RepTable reps, int rep) => reps.Rep[rep]?.Role ?? RepRole.Ae;
}
