using Microsoft.Playwright;

namespace Bellwether.Browser.Tests;

/// <summary>
/// Whether a page's tables fit their cards, from the boxes the browser laid out: a cell whose right edge lies beyond its
/// card's content edge is cut off (or hidden behind a horizontal scroll), so a column cannot be read at a glance.
/// </summary>
public static class TableFit
{
    // Each cell of a table in a card, against the card's content box (inside its border and padding); a scroll
    // container between them counts only when scrolling is allowed, and then only when it scrolls and itself fits.
    private const string Script = """
        allowScroll => {
          const found = [];
          const contentRight = el => {
            const box = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            return box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
          };
          for (const cell of document.querySelectorAll('table th, table td')) {
            const card = cell.closest('.card');
            const box = cell.getBoundingClientRect();
            if (!card || box.width === 0 || cell.closest('.visually-hidden')) continue;
            const limit = contentRight(card);
            if (box.right <= limit + 1) continue;
            const scroller = cell.closest('.table-scroll');
            if (allowScroll && scroller && ['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)
                && scroller.scrollWidth > scroller.clientWidth && scroller.getBoundingClientRect().right <= limit + 1) continue;
            const where = cell.closest('[id]');
            found.push(`${where ? '#' + where.id : 'a table'}: “${cell.innerText.trim().replace(/\s+/g, ' ')}” ends at ${Math.round(box.right)} px, its card's content at ${Math.round(limit)} px`);
          }
          return found;
        }
        """;

    /// <summary>The cells that reach beyond their card, each in a line; with <paramref name="allowScroll"/>, those a horizontal scroll inside the card reaches are fine.</summary>
    public static async Task<IReadOnlyList<string>> CellsBeyondTheirCardAsync(IPage page, bool allowScroll = false)
    {
        await page.EvaluateAsync("() => document.fonts.ready");
        return await page.EvaluateAsync<string[]>(Script, allowScroll);
    }

    /// <summary>Whether the element is what the user sees at its centre (not clipped away or covered), once scrolled to vertically.</summary>
    public static Task<bool> IsSeenAsync(ILocator element) => element.EvaluateAsync<bool>("""
        el => {
          window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - window.innerHeight / 2);
          const box = el.getBoundingClientRect();
          const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return hit !== null && el.contains(hit);
        }
        """);
}
