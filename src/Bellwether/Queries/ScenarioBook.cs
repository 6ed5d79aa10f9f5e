using Bellwether.Core.Scenarios;
using Bellwether.Storage;

namespace Bellwether.Queries;

/// <summary>A workspace's saved scenarios by name, and <c>base</c> — the forecast without changes — everywhere a name is taken.</summary>
public static class ScenarioBook
{
    /// <summary>The scenario of that name (<c>base</c> in any case is <see cref="Scenario.Base"/>), or a not-found problem listing the saved ones.</summary>
    public static Checked<Scenario> Find(IStore store, string workspace, string name, string parameter = "scenario")
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(name);
        if (string.Equals(name.Trim(), Scenario.Base.Name, StringComparison.OrdinalIgnoreCase))
        {
            return Checked.Valid<Scenario>(Scenario.Base);
        }

        var saved = store.Scenarios(workspace);
        if (saved.TryGetValue(name, out var json))
        {
            // Saved scenarios were checked when saved; one saved by hand or by an older version is said, not applied.
            var scenario = ScenarioJson.Deserialize(json) with { Name = name };
            var problems = ScenarioCheck.Problems(scenario);
            return problems.Count == 0
                ? Checked.Valid(scenario)
                : Checked.Invalid<Scenario>([.. problems.Select(p => new QueryProblem(parameter, $"\"{name}\": the saved scenario cannot be applied ({p}); save it again"))]);
        }

        return Checked.Invalid<Scenario>(new QueryProblem(
            parameter,
            $"\"{name}\": no such scenario (saved: {(saved.Count == 0 ? "none" : string.Join(", ", saved.Keys.Order(StringComparer.Ordinal)))}; base is the forecast without changes)",
            IsNotFound: true));
    }

    /// <summary>The scenario of that name as <see cref="Find"/> gives it, or none when no name is given (the plain forecast).</summary>
    public static Checked<Scenario?> FindOrNone(IStore store, string workspace, string? name) =>
        name is null ? Checked.Valid<Scenario?>(null) : Find(store, workspace, name).Map<Scenario?>(s => s);

    /// <summary>Every saved scenario, named.</summary>
    public static IReadOnlyList<Scenario> All(IStore store, string workspace)
    {
        ArgumentNullException.ThrowIfNull(store);
        return [.. store.Scenarios(workspace).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => ScenarioJson.Deserialize(kv.Value) with { Name = kv.Key })];
    }
}
