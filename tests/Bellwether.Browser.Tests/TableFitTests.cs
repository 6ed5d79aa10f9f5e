namespace Bellwether.Browser.Tests;

/// <summary>
/// On a laptop's 1440-wide window every column of every page's tables is inside its card (none cut off at the card's
/// edge, none behind a horizontal scroll); on a 1024-wide one a table may scroll inside its card, but is never cut off.
/// The Scenarios page has its own (<see cref="ScenarioPageTests"/>).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class TableFitTests(DashboardApp app)
{
    [Theory]
    [InlineData("/", ".pillar table.figures tbody tr")]
    [InlineData("/forecast", "#fan-bookings[data-rendered='true']")]
    [InlineData("/variance", "#waterfall[data-rendered='true']")]
    [InlineData("/pillars/new-business", "#pillar-plans tbody tr")]
    [InlineData("/pillars/retention", "#pillar-plans tbody tr")]
    [InlineData("/pillars/expansion", "#pillar-plans tbody tr")]
    [InlineData("/pillars/cost-model", "#pillar-plans tbody tr")]
    [InlineData("/revenue", "#service-lines-chart[data-rendered='true']")]
    public async Task OnALaptop_EveryTableColumn_FitsInItsCard(string path, string drawn)
    {
        var (page, errors) = await app.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync(path);
        await page.Locator(drawn).First.WaitForAsync(new() { Timeout = 180_000 });
        // Every part of the page loaded: no state line still shows its progress circle.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.page-state > :not(span)').length === 0", null, new() { Timeout = 180_000 });

        var beyond = await TableFit.CellsBeyondTheirCardAsync(page);
        Assert.True(beyond.Count == 0, $"{path}: {beyond.Count} cells reach beyond their card at 1440×900:\n{string.Join("\n", beyond.Take(12))}");

        await page.SetViewportSizeAsync(1024, 768);
        var cut = await TableFit.CellsBeyondTheirCardAsync(page, allowScroll: true);
        Assert.True(cut.Count == 0, $"{path}: {cut.Count} cells are cut off at 1024×768:\n{string.Join("\n", cut.Take(12))}");
        DashboardApp.AssertNoErrors(errors);
    }
}
