using System.Globalization;
using Bellwether.Core.Plans;
using Bellwether.Core.Time;

namespace Bellwether.Queries;

/// <summary>
/// Checks an owner's name against the plans: an owner who holds no plan has no digest, so the name is a mistake that
/// lists the owners who do (a typo in a name would otherwise read as an empty week).
/// </summary>
public static class PlanOwners
{
    /// <summary>The request with the owner spelled as plans.csv spells them, or the problem listing the owners.</summary>
    public static Checked<DigestRequest> Find(PlanBook book, DigestRequest request, string parameter = "owner")
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(request);
        // Without an instant the plans as they stand count: an owner named since the start of the hour has a digest.
        var owners = book.Owners(request.LatestPlans ? DateTimeOffset.MaxValue : request.AsOf);
        var owner = owners.FirstOrDefault(o => string.Equals(o, request.Owner, StringComparison.OrdinalIgnoreCase));
        if (owner is not null)
        {
            return Checked.Valid(request with { Owner = owner });
        }

        var when = request.LatestPlans ? "" : $" as of {AsGiven(request.AsOf)}";
        var known = owners.Count == 0 ? "none: import plans.csv or `bellwether plan set`" : string.Join(", ", owners);
        return Checked.Invalid<DigestRequest>(new QueryProblem(parameter, $"\"{request.Owner}\" holds no plan{when} (owners: {known})"));
    }

    /// <summary>A midnight as the day it ends (as <c>--as-of 2026-06-30</c> gives it), any other instant in full.</summary>
    private static string AsGiven(DateTimeOffset instant) =>
        instant.UtcTicks % TimeSpan.TicksPerDay == 0 ? Instants.DayOf(instant.AddDays(-1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Instants.Format(instant);
}
