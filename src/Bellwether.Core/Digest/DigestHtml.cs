using System.Net;
using System.Text;

namespace Bellwether.Core.Digest;

/// <summary>
/// A digest as one self-contained HTML page (inline styles, no scripts, no external resources): what a mail client or
/// a browser shows. Every text from the company's files is HTML-encoded.
/// </summary>
public static class DigestHtml
{
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; max-width: 960px; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 1.8rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
        .quiet { color: #59636e; font-size: .9rem; } .headline { font-weight: 600; font-size: 1.05rem; }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; margin: .5rem 0; }
        th, td { border-bottom: 1px solid #eaeef2; padding: .35rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        caption { caption-side: bottom; text-align: left; color: #59636e; font-size: .85rem; padding-top: .3rem; }
        li { margin: .25rem 0; }
        """;

    public static string Write(OwnerDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E($"Weekly digest for the {digest.Owner}")).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        foreach (var block in DigestDocument.Of(digest))
        {
            switch (block)
            {
                case DigestHeading h:
                    html.Append($"<h{h.Level}>").Append(E(h.Text)).Append($"</h{h.Level}>\n");
                    break;
                case DigestParagraph p:
                    html.Append(p.Strong ? "<p class=\"headline\">" : p.Quiet ? "<p class=\"quiet\">" : "<p>").Append(E(p.Text)).Append("</p>\n");
                    break;
                case DigestTable t:
                    html.Append("<table>\n");
                    if (t.Caption is { } caption)
                    {
                        html.Append("<caption>").Append(E(caption)).Append("</caption>\n");
                    }

                    html.Append("<thead><tr>");
                    for (var i = 0; i < t.Columns.Count; i++)
                    {
                        html.Append(t.RightAligned.Contains(i) ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">").Append(E(t.Columns[i])).Append("</th>");
                    }

                    html.Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        for (var i = 0; i < row.Count; i++)
                        {
                            html.Append(t.RightAligned.Contains(i) ? "<td class=\"num\">" : "<td>").Append(E(row[i])).Append("</td>");
                        }

                        html.Append("</tr>\n");
                    }

                    html.Append("</tbody>\n</table>\n");
                    break;
                case DigestList l:
                    html.Append("<ul>\n");
                    foreach (var item in l.Items)
                    {
                        html.Append("<li>").Append(item.Lead is { } lead ? $"<strong>{E(lead)}</strong>: " : "").Append(E(item.Text)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                    break;
                default:
                    throw new InvalidOperationException($"no HTML for {block.GetType().Name}");
            }
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
