using System.ComponentModel;
using System.Text.Json.Nodes;
using Bellwether.Core.Scenarios;
using Bellwether.Queries;

namespace Bellwether.Web;

/// <summary>
/// A scenario as a request body: the command line's <c>--set</c> grammar (<c>{"set": ["win_rate=+10%", "add_reps=2 from
/// 2026-01-01"]}</c>), which is what people type, or the saved JSON form's changes (<c>{"changes": [...]}</c>, see
/// ScenarioJson).
/// </summary>
public sealed record ScenarioBody
{
    [Description("What the scenario is about.")]
    public string? Description { get; init; }

    [Description("Driver changes as the command line's --set takes them: win_rate=+10%, deal_size=-5%, add_reps=3 from 2026-01-15, … (at most 100).")]
    public IReadOnlyList<string>? Set { get; init; }

    [Description("Or the changes in the saved form: objects such as {\"driver\": \"win_rate\", \"relative\": 0.1}.")]
    public JsonArray? Changes { get; init; }

    /// <summary>The scenario, or every mistake in the body.</summary>
    public Checked<Scenario> Read(string name, bool unsaved = false) =>
        ScenarioInput.Read(name, Description, Set, Changes?.ToJsonString(), unsaved);
}
