using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bellwether.Core.Scenarios;

/// <summary>Reads and writes scenarios as JSON: snake_case names, enums as snake_case strings, dates as ISO dates.</summary>
public static class ScenarioJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize(Scenario scenario) => JsonSerializer.Serialize(scenario, Options);

    /// <summary>Reads a scenario, or throws <see cref="JsonException"/> saying what is wrong.</summary>
    public static Scenario Deserialize(string json)
    {
        var scenario = JsonSerializer.Deserialize<Scenario>(json, Options) ?? throw new JsonException("A scenario is a JSON object.");
        // JSON lets null stand where a list or a change belongs; a scenario's changes are never null.
        if (scenario.Changes is null)
        {
            throw new JsonException("A scenario's changes are a list.", "$.changes", null, null);
        }

        for (var i = 0; i < scenario.Changes.Count; i++)
        {
            if (scenario.Changes[i] is null)
            {
                throw new JsonException($"Change {i + 1} is null.", $"$.changes[{i}]", null, null);
            }
        }

        return scenario;
    }
}
