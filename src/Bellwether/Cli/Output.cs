using System.Globalization;
using System.Text;
using Bellwether.Core.Text;
using Bellwether.Core.Time;
using Spectre.Console;

namespace Bellwether.Cli;

/// <summary>Prints data in the format asked for: a table for people, JSON and CSV for scripts and spreadsheets.</summary>
public static class Output
{
    /// <summary>The widest a table or paragraph is drawn for people: readable beside another window.</summary>
    public const int MaxWidth = 100;

    public static void Table(CliContext context, TableData data)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (data.Title is not null)
        {
            table.Title(Markup.Escape(data.Title));
        }

        foreach (var column in data.Columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        }

        for (var i = 0; i < data.Columns.Count; i++)
        {
            if (data.Rows.Count > 0 && data.Rows.All(r => r[i] is null or int or long or decimal or double))
            {
                table.Columns[i].RightAligned();
            }

            // A figure is never split across lines; on a narrow terminal the words wrap instead.
            if (data.Rows.Count > 0 && data.Rows.All(r => IsFigure(r[i])))
            {
                table.Columns[i].NoWrap();
            }
        }

        foreach (var row in data.Rows)
        {
            table.AddRow(row.Select(cell => Markup.Escape(Format(cell, forPeople: true))).ToArray());
        }

        context.Console.Write(table);
    }

    private static bool IsFigure(object? cell) => cell switch
    {
        null or int or long or decimal or double or DateOnly or DateTimeOffset => true,
        string s => s.Length <= 24 && s.Length > 0 && !s.Contains(' ', StringComparison.Ordinal) || s.Length <= 24 && s.Any(char.IsDigit) && s.Count(c => c == ' ') <= 1,
        _ => false,
    };

    /// <summary>A sentence or two for people, wrapped at word boundaries to <see cref="MaxWidth"/>, with a blank-free hanging indent.</summary>
    public static void Paragraph(CliContext context, string text, string bullet = "• ")
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        var width = Math.Min(MaxWidth, context.Console.Profile.Width);
        var line = new StringBuilder(bullet);
        var indent = new string(' ', bullet.Length);
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length + word.Length + 1 > width && line.Length > indent.Length)
            {
                context.Output.WriteLine(line.ToString().TrimEnd());
                line.Clear().Append(indent);
            }

            line.Append(word).Append(' ');
        }

        context.Output.WriteLine(line.ToString().TrimEnd());
    }

    public static void Csv(TextWriter writer, TableData data)
    {
        writer.Write(string.Join(',', data.Columns.Select(CsvText.Text)));
        writer.Write('\n');
        foreach (var row in data.Rows)
        {
            writer.Write(string.Join(',', row.Select(cell => cell is string text ? CsvText.Text(text) : CsvText.Quote(Format(cell, forPeople: false)))));
            writer.Write('\n');
        }
    }

    public static void Write(CliContext context, OutputFormat format, TableData data, object? json = null)
    {
        switch (format)
        {
            case OutputFormat.Json:
                context.Output.WriteLine(Json.Serialize(json ?? ToObjects(data)));
                break;
            case OutputFormat.Csv:
                Csv(context.Output, data);
                break;
            default:
                Table(context, data);
                break;
        }
    }

    public static string Format(object? cell, bool forPeople) => cell switch
    {
        null => "",
        string s => s,
        DateTimeOffset t => Instants.Format(t),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m when forPeople => m.ToString("#,0.##", CultureInfo.InvariantCulture),
        double x when forPeople => x.ToString("#,0.####", CultureInfo.InvariantCulture),
        long n when forPeople => n.ToString("#,0", CultureInfo.InvariantCulture),
        int n when forPeople => n.ToString("#,0", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static List<Dictionary<string, object?>> ToObjects(TableData data) =>
        [
            .. data.Rows.Select(row =>
            {
                var obj = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < data.Columns.Count; i++)
                {
                    obj[ToSnake(data.Columns[i])] = row[i];
                }

                return obj;
            }),
        ];

    private static string ToSnake(string column)
    {
        var sb = new StringBuilder(column.Length);
        foreach (var c in column.Trim())
        {
            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        return sb.ToString();
    }
}
