using Bellwether.Core.Indicators;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

namespace Bellwether.Queries;

/// <summary>
/// Checks the names a scenario's changes give against the workspace's data, as <see cref="SliceValues"/> checks a
/// query's slice: a change narrowed to <c>vertical=retial</c>, a <c>remove_rep</c> of a rep who does not exist or reps
/// added to a team that does not would change nothing and say nothing, so each is a mistake that lists the nearest
/// values that do occur.
/// </summary>
public static class ScenarioValues
{
    /// <summary>One problem per name that does not occur, in the order of the changes; none when all occur.</summary>
    /// <param name="scenario">The scenario, already read and checked (<see cref="ScenarioCheck"/>).</param>
    /// <param name="engine">The workspace's engine, whose values the names are checked against.</param>
    /// <param name="parameter"><c>set</c> for changes being given; the name of the parameter that named a saved scenario otherwise (its name then begins each message).</param>
    public static IReadOnlyList<QueryProblem> Check(Scenario scenario, IndicatorEngine engine, string parameter = "set")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(engine);
        var problems = new List<QueryProblem>();
        var saved = parameter == "set" ? "" : $"\"{scenario.Name}\": ";
        for (var i = 0; i < scenario.Changes.Count; i++)
        {
            var change = scenario.Changes[i];
            var at = $"{saved}change {i + 1} ({change.Kind})";
            problems.AddRange(SliceValues.Check(Names(change), engine, parameter).Select(p => p with { Message = $"{at}: {p.Message}" }));
        }

        return problems;
    }

    /// <summary>The values a change names, by the dimension they belong to: its slice, the rep it removes, the team it adds reps to.</summary>
    private static Dictionary<Dimension, string> Names(DriverChange change)
    {
        var names = new Dictionary<Dimension, string>();
        foreach (var (key, value) in change.Slice)
        {
            // Keys that are not dimensions were refused when the scenario was read (ScenarioCheck).
            if (SnakeCase.TryParse<Dimension>(key, out var dimension))
            {
                names[dimension] = value;
            }
        }

        switch (change)
        {
            case RemoveRepChange { RepId: var rep }:
                names[Dimension.Rep] = rep;
                break;
            case AddRepsChange { Team: { } team }:
                names[Dimension.Team] = team;
                break;
        }

        return names;
    }
}
