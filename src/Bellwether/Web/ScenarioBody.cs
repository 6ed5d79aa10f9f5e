using System.Text.Json;
using System.Text.Json.Nodes;
using Bellwether.Cli;
using Bellwether.Core.Scenarios;

namespace Bellwether.Web;

/// <summary>
/// A scenario as a request body: either the saved JSON form (<c>{"changes": [...]}</c>, see ScenarioJson) or the CLI's
/// --set grammar (<c>{"set": ["win_rate=+10%", "add_reps=2 from 2026-01-01"]}</c>), which is what people type.
/// </summary>
public sealed record ScenarioBody
{
    public string? Description { get; init; }

    public IReadOnlyList<string>? Set { get; init; }

    public JsonArray? Changes { get; init; }

    public Scenario ToScenario(string name)
    {
        if (Set is { Count: > 0 } && Changes is { Count: > 0 })
        {
            throw new UserErrorException("a scenario body has either \"set\" or \"changes\", not both");
        }

        if (Set is { Count: > 0 } sets)
        {
            return new Scenario { Name = name, Description = Description, Changes = [.. sets.Select(Scenarios.ScenarioSet.Parse)] };
        }

        var json = new JsonObject { ["name"] = name, ["description"] = Description, ["changes"] = Changes?.DeepClone() ?? new JsonArray() }.ToJsonString();
        try
        {
            return ScenarioJson.Deserialize(json);
        }
        catch (JsonException e)
        {
            throw new UserErrorException($"changes: {e.Message}");
        }
    }
}
