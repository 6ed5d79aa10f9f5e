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
    public static Scenario Deserialize(string json) =>
        JsonSerializer.Deserialize<Scenario>(json, Options) ?? throw new JsonException("A scenario is a JSON object.");
}
