using System.Text.Json;
using System.Text.Json.Serialization;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators;

/// <summary>Serializer options for indicator rows as the JSON contract writes them: snake_case names, nulls kept.</summary>
public static class IndicatorJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
    };

    public static string Serialize(IReadOnlyList<IndicatorRow> rows) => JsonSerializer.Serialize(rows, Options);
}

/// <summary>Writes instants as <c>2017-07-01T00:00:00Z</c> (<see cref="Instants.Format"/>) rather than with a +00:00 offset.</summary>
public sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Instants.TryParse(reader.GetString(), out var instant) ? instant : throw new JsonException("Not an ISO 8601 instant.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Instants.Format(value));
}
