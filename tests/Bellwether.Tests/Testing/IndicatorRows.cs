using System.Text.Json;

namespace Bellwether.Tests.Testing;

/// <summary>Indicator rows as the command line prints them in JSON, read back for assertions.</summary>
public sealed record JsonRow(string Indicator, string Period, IReadOnlyDictionary<string, string> Slice, decimal? Value, string? MissingReason, bool Provisional)
{
    public static List<JsonRow> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return
        [
            .. document.RootElement.EnumerateArray().Select(e => new JsonRow(
                e.GetProperty("indicator").GetString()!,
                e.GetProperty("period").GetString()!,
                e.GetProperty("slice").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
                e.GetProperty("value").ValueKind == JsonValueKind.Null ? null : e.GetProperty("value").GetDecimal(),
                e.GetProperty("missing_reason").GetString(),
                e.GetProperty("provisional").GetBoolean())),
        ];
    }

    public static decimal? Find(IEnumerable<JsonRow> rows, string indicator, string period, string? dimension = null, string? value = null) =>
        rows.Single(r => r.Indicator == indicator && r.Period == period
            && (dimension is null ? r.Slice.Count == 0 : r.Slice.Count == 1 && r.Slice[dimension] == value)).Value;
}
