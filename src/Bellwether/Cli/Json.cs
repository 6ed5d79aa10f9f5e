using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bellwether.Core.Indicators;
using Bellwether.Core.Time;

namespace Bellwether.Cli;

/// <summary>
/// The one JSON shape of everything bellwether prints or serves: snake_case names, instants as UTC ISO 8601 with a Z,
/// nulls written (a missing value is explicit), enums as snake_case words.
/// </summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = Create(indented: true);

    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    public static string Serialize<T>(T value, bool indented = true) => JsonSerializer.Serialize(value, indented ? Options : Compact);

    /// <summary>Gives existing options (the web host's) the same shape, so the API serves what the CLI prints.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new UtcInstantJsonConverter());
        options.Converters.Add(new DateOnlyConverter());
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions { WriteIndented = indented };
        Configure(options);
        return options;
    }

    private sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            IsoDate.TryParseDate(reader.GetString(), out var date) ? date : throw new JsonException("not a date");

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
