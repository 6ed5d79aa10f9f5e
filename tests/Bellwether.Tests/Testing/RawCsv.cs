namespace Bellwether.Tests.Testing;

/// <summary>
/// A deliberately separate, minimal CSV reader for tests that compute expected values straight from the source
/// files, independently of the product's import code: RFC 4180 quotes, CRLF or LF.
/// </summary>
public static class RawCsv
{
    public static List<Dictionary<string, string>> Read(string path) => Parse(File.ReadAllLines(path));

    /// <summary>CSV a command printed.</summary>
    public static List<Dictionary<string, string>> ParseText(string text) => Parse(text.ReplaceLineEndings("\n").Split('\n'));

    private static List<Dictionary<string, string>> Parse(string[] lines)
    {
        var header = Split(lines[0]);
        return
        [
            .. lines.Skip(1).Where(l => l.Length > 0).Select(l =>
            {
                var values = Split(l);
                return header.Select((h, i) => (h, v: i < values.Count ? values[i] : "")).ToDictionary(x => x.h, x => x.v);
            }),
        ];
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
