using System.Text.Json;
using Bellwether.Core.Scenarios;

namespace Bellwether.Queries;

/// <summary>
/// A scenario as a person gives it — its changes in the <c>--set</c> grammar (<c>win_rate=+10%</c>) or as the saved JSON
/// form — read with every mistake returned, and bounded: at most <see cref="MaxChanges"/> changes and
/// <see cref="MaxAddedReps"/> reps added by one change, so that one request cannot ask the forecaster to simulate an
/// army (two billion added reps once took a server's whole memory).
/// </summary>
public static class ScenarioInput
{
    public const int MaxChanges = 100;

    public const int MaxAddedReps = 1000;

    /// <summary>The scenario named <paramref name="name"/>, from <c>--set</c> texts or the JSON of its changes (one or the other).</summary>
    /// <param name="name">Its name; <c>base</c> is taken (the forecast without changes) unless <paramref name="unsaved"/>.</param>
    /// <param name="description">What it is about, or null.</param>
    /// <param name="sets">Changes in the <c>--set</c> grammar.</param>
    /// <param name="changesJson">Or the saved form's <c>changes</c> array (or a whole scenario object), as JSON text.</param>
    /// <param name="unsaved">A what-if that is not saved: any name will do.</param>
    public static Checked<Scenario> Read(string name, string? description, IReadOnlyList<string>? sets, string? changesJson, bool unsaved = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        var problems = new List<QueryProblem>();
        if (!unsaved && (name.Trim().Length == 0 || string.Equals(name.Trim(), Scenario.Base.Name, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new QueryProblem("name", $"\"{name}\": a scenario needs a name other than base (base is the forecast without changes)"));
        }

        var given = sets ?? [];
        if (given.Count > 0 && changesJson is not null)
        {
            return Checked.Invalid<Scenario>([.. problems, new QueryProblem("set", "and changes: give one or the other")]);
        }

        if (given.Count > MaxChanges)
        {
            // Refused before a single one is read: the count alone is the mistake.
            return Checked.Invalid<Scenario>([.. problems, new QueryProblem("set", $"has {given.Count} changes: at most {MaxChanges} in one scenario")]);
        }

        var changes = new List<DriverChange>();
        string? scenarioDescription = description;
        if (changesJson is not null)
        {
            var read = FromJson(changesJson);
            if (!read.Ok)
            {
                return Checked.Invalid<Scenario>([.. problems, .. read.Problems]);
            }

            changes.AddRange(read.Value.Changes);
            scenarioDescription ??= read.Value.Description;
        }

        foreach (var text in given)
        {
            if (text is null)
            {
                // JSON can send null where a text belongs; the command line cannot.
                problems.Add(new QueryProblem("set", "has a null change: each is a text such as win_rate=+10%"));
            }
            else if (ScenarioSet.TryParse(text, out var change, out var reason))
            {
                changes.Add(change);
            }
            else
            {
                problems.Add(new QueryProblem("set", reason));
            }
        }

        if (changes.Count > MaxChanges)
        {
            problems.Add(new QueryProblem("set", $"has {changes.Count} changes: at most {MaxChanges} in one scenario"));
        }

        foreach (var (added, index) in changes.Select((c, i) => (c, i)).Where(x => x.c is AddRepsChange { Count: > MaxAddedReps }))
        {
            problems.Add(new QueryProblem("set", $"change {index + 1} (add_reps) adds {((AddRepsChange)added).Count} reps: at most {MaxAddedReps} in one change"));
        }

        var scenario = new Scenario { Name = name.Trim(), Description = scenarioDescription, Changes = changes };
        problems.AddRange(ScenarioCheck.Problems(scenario).Select(p => new QueryProblem("set", p)));
        return problems.Count == 0 ? Checked.Valid<Scenario>(scenario) : Checked.Invalid<Scenario>(problems);
    }

    /// <summary>The saved form: a scenario object, or just its <c>changes</c> array.</summary>
    private static Checked<Scenario> FromJson(string json)
    {
        var trimmed = json.TrimStart();
        var whole = trimmed.StartsWith('[') ? $"{{\"name\":\"\",\"changes\":{json}}}" : json;
        try
        {
            return Checked.Valid<Scenario>(ScenarioJson.Deserialize(whole));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // System.Text.Json reports where it stopped; its wording is .NET's, so only the place is passed on.
            var at = e is JsonException { Path: { Length: > 0 } path } ? $" at {path}" : e is JsonException { LineNumber: { } line } ? $" on line {line + 1}" : "";
            return Checked.Invalid<Scenario>(new QueryProblem("changes", $"are not a scenario's changes{at} (each is an object such as {{\"driver\": \"win_rate\", \"relative\": 0.1}}; or send \"set\": [\"win_rate=+10%\"])"));
        }
    }
}
