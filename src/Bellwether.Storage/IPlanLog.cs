using Bellwether.Core.Plans;

namespace Bellwether.Storage;

/// <summary>
/// The plans feature's part of a store: the log of every plan change (imports write theirs in their own transaction)
/// and the edits people make. An edit changes the current plans (what <see cref="IStore.Load"/> gives the engine) and
/// the log together, at the store clock's now, and bumps the plans table's version so caches refresh.
/// </summary>
public interface IPlanLog
{
    /// <summary>Every plan change of the workspace, in the order written; empty when it has none.</summary>
    IReadOnlyList<PlanChange> PlanChanges(string workspace);

    /// <summary>Adds the plan, or changes the target and owner of the plan with its key; null when the plan already says exactly that.</summary>
    PlanChange? SetPlan(string workspace, PlanLine plan, PlanAuthor author);

    /// <summary>Removes the plan with the key; null when there is none.</summary>
    PlanChange? RemovePlan(string workspace, PlanKey key, PlanAuthor author);
}
