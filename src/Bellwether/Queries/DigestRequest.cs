namespace Bellwether.Queries;

/// <summary>An owner's digest as asked: whose, as known at an instant, and with the plans as they stand or as they stood then.</summary>
/// <param name="Owner">The owner as given; <see cref="PlanOwners.Find"/> checks that they hold a plan and spells them as plans.csv does.</param>
/// <param name="AsOf">The instant of knowledge (the caller's now when none was given).</param>
/// <param name="LatestPlans">No instant was given: the plans as they stand, not as they stood at <paramref name="AsOf"/>.</param>
public sealed record DigestRequest(string Owner, DateTimeOffset AsOf, bool LatestPlans);
