using System.Globalization;

namespace Bellwether.Cli;

/// <summary>
/// Reasons a table's cells carry (provisional, missing), said once below the table instead of on every row: a cell
/// gets a marker such as <c>(1)</c> and the note <c>(1) provisional: 2026-Q4 is not over…</c> follows the table.
/// </summary>
public sealed class Footnotes
{
    private readonly List<string> _notes = [];

    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The marker for a reason, numbered in the order reasons are first met.</summary>
    public string Mark(string reason)
    {
        var index = _notes.IndexOf(reason);
        if (index < 0)
        {
            _notes.Add(reason);
            index = _notes.Count - 1;
        }

        return $"({(index + 1).ToString(CultureInfo.InvariantCulture)})";
    }

    /// <summary>A cell's text with the reason's marker after it.</summary>
    public string Marked(string text, string? reason) => reason is null ? text : $"{text} {Mark(reason)}";

    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        for (var i = 0; i < _notes.Count; i++)
        {
            writer.WriteLine($"({(i + 1).ToString(CultureInfo.InvariantCulture)}) {_notes[i]}");
        }
    }
}
