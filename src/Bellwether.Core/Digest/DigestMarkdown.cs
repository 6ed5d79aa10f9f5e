using System.Text;

namespace Bellwether.Core.Digest;

/// <summary>A digest as Markdown (GitHub-flavoured tables): what a mail or a chat channel takes.</summary>
public static class DigestMarkdown
{
    public static string Write(OwnerDigest digest)
    {
        var md = new StringBuilder();
        foreach (var block in DigestDocument.Of(digest))
        {
            switch (block)
            {
                case DigestHeading h:
                    md.Append('#', h.Level).Append(' ').Append(Escape(h.Text)).Append("\n\n");
                    break;
                case DigestParagraph p:
                    md.Append(p.Strong ? $"**{Escape(p.Text)}**" : p.Quiet ? $"*{Escape(p.Text)}*" : Escape(p.Text)).Append("\n\n");
                    break;
                case DigestTable t:
                    md.Append("| ").AppendJoin(" | ", t.Columns.Select(Cell)).Append(" |\n");
                    md.Append('|').AppendJoin('|', t.Columns.Select((_, i) => t.RightAligned.Contains(i) ? "---:" : "---")).Append("|\n");
                    foreach (var row in t.Rows)
                    {
                        md.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
                    }

                    md.Append('\n');
                    if (t.Caption is { } caption)
                    {
                        md.Append('*').Append(Escape(caption)).Append("*\n\n");
                    }

                    break;
                case DigestList l:
                    foreach (var item in l.Items)
                    {
                        md.Append("- ").Append(item.Lead is { } lead ? $"**{Escape(lead)}**: " : "").Append(Escape(item.Text)).Append('\n');
                    }

                    md.Append('\n');
                    break;
                default:
                    throw new InvalidOperationException($"no Markdown for {block.GetType().Name}");
            }
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// Names come from a company's files: characters Markdown gives meaning to are escaped — an underscore only where it
    /// could open or close emphasis, so <c>managed_services</c> reads as written.
    /// </summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var inWord = ch == '_' && i > 0 && i < text.Length - 1 && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);
            if (ch is '\\' or '*' or '`' or '[' or ']' or '<' or '>' or '#' or '|' || (ch == '_' && !inWord))
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    private static string Cell(string text) => Escape(text).Replace("\n", " ", StringComparison.Ordinal);
}
