using System.Net.Http.Json;
using System.Text.Json;
using Bellwether.Core.Reporting;
using Microsoft.Playwright;

namespace Bellwether.Browser.Tests;

/// <summary>The Scenarios page: a slider moves the forecast (as the API's what-if has it), a scenario is saved and compared.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ScenarioPageTests(DashboardApp app)
{
    [Fact]
    public async Task MovingASlider_MovesTheForecast_AsTheApisWhatIfHasIt()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/scenarios");
        var bookings = page.Locator("#scenario-forecast tbody tr").Filter(new() { HasTextString = "Bookings" }).First;
        await bookings.WaitForAsync(new() { Timeout = 180_000 });
        var basePlan = await bookings.Locator("td").Nth(1).InnerTextAsync();

        // One step right from the keyboard: +5% (the slider's step).
        await page.Locator("#driver-win_rate").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("#driver-win_rate-value")).ToHaveTextAsync("+5%");
        await Assertions.Expect(page.Locator("#scenario-changes")).ToContainTextAsync("win_rate +5%", new() { Timeout = 180_000 });

        var whatIf = await bookings.Locator("td").Nth(2).InnerTextAsync();
        Assert.Equal(basePlan, await bookings.Locator("td").Nth(1).InnerTextAsync());
        Assert.NotEqual(basePlan, whatIf);

        // The same what-if through the API: the P50 the page shows.
        using var http = new HttpClient { BaseAddress = new Uri(app.Address) };
        using var response = await http.PostAsJsonAsync(
            $"/api/v1/workspaces/default/forecast/what-if?name=bookings&period={DemoFiles.Quarter.Label}", new { set = new[] { "win_rate=+5%" } }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var p50 = rows.RootElement[0].GetProperty("p50").GetDecimal();
        Assert.Equal(Readable.Money(p50, "USD"), whatIf);
        DashboardApp.AssertNoErrors(errors);
    }

    [Fact]
    public async Task ASliderNarrowedToAVertical_MovesTheForecast_AsTheApisWhatIfForThatVertical()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/scenarios");
        var bookings = page.Locator("#scenario-forecast tbody tr").Filter(new() { HasTextString = "Bookings" }).First;
        await bookings.WaitForAsync(new() { Timeout = 180_000 });

        // The demo's largest vertical by won deals, from its files.
        var files = new DemoFiles(app.Folder);
        var accounts = files.Rows("accounts.csv").ToDictionary(a => a["account_id"], a => a["vertical"]);
        var vertical = files.Rows("opportunities.csv").Where(o => o["status"] == "won").GroupBy(o => accounts[o["account_id"]])
            .OrderByDescending(g => g.Count()).First().Key;

        await page.Locator("#driver-scope").SelectOptionAsync($"vertical={vertical}");
        await Assertions.Expect(page.Locator("#driver-scope-note")).ToContainTextAsync(vertical);
        await Assertions.Expect(page.Locator("#driver-add_reps")).ToHaveCountAsync(0);
        await page.Locator("#driver-win_rate").EvaluateAsync("el => { el.value = '20'; el.dispatchEvent(new Event('change', { bubbles: true })); }");
        await Assertions.Expect(page.Locator("#scenario-changes")).ToContainTextAsync($"win_rate +20% (vertical={vertical})", new() { Timeout = 180_000 });
        var whatIf = await bookings.Locator("td").Nth(2).InnerTextAsync();

        using var http = new HttpClient { BaseAddress = new Uri(app.Address) };
        using var response = await http.PostAsJsonAsync(
            $"/api/v1/workspaces/default/forecast/what-if?name=bookings&period={DemoFiles.Quarter.Label}",
            new { set = new[] { $"win_rate[vertical={vertical}]=+20%" } }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Readable.Money(rows.RootElement[0].GetProperty("p50").GetDecimal(), "USD"), whatIf);

        // Back to the whole company: its own slider is untouched, the vertical's change stays in the scenario.
        await page.Locator("#driver-scope").SelectOptionAsync("company");
        await Assertions.Expect(page.Locator("#driver-win_rate-value")).ToHaveTextAsync("0%");
        await Assertions.Expect(page.Locator("#driver-add_reps")).ToHaveCountAsync(1);
        DashboardApp.AssertNoErrors(errors);
    }

    [Fact]
    public async Task OnALaptop_EveryColumnOfTheWhatIfTables_FitsInItsCard_AndANarrowWindowScrollsThemInside()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync("/scenarios");
        await page.Locator("#scenario-plans tbody tr").First.WaitForAsync(new() { Timeout = 180_000 });
        // As the screenshot has it: a what-if that moves the figures, so its columns hold their widest values.
        await page.Locator("#driver-win_rate").EvaluateAsync("el => { el.value = '10'; el.dispatchEvent(new Event('change', { bubbles: true })); }");
        await Assertions.Expect(page.Locator("#scenario-changes")).ToContainTextAsync("win_rate +10%", new() { Timeout = 180_000 });

        var beyond = await TableFit.CellsBeyondTheirCardAsync(page);
        Assert.True(beyond.Count == 0, $"{beyond.Count} cells reach beyond their card at 1440×900:\n{string.Join("\n", beyond.Take(12))}");
        var whatIfStatus = page.Locator("#scenario-plans thead th").Last;
        await Assertions.Expect(whatIfStatus).ToContainTextAsync("What-if status");
        await Assertions.Expect(whatIfStatus).ToBeVisibleAsync();
        Assert.True(await TableFit.IsSeenAsync(whatIfStatus), "the What-if status heading is clipped or covered at 1440×900");

        // A narrow window: a table may scroll inside its card, never be cut off by it.
        await page.SetViewportSizeAsync(1024, 768);
        var cut = await TableFit.CellsBeyondTheirCardAsync(page, allowScroll: true);
        Assert.True(cut.Count == 0, $"{cut.Count} cells are cut off at 1024×768:\n{string.Join("\n", cut.Take(12))}");
        DashboardApp.AssertNoErrors(errors);
    }

    [Fact]
    public async Task AScenario_IsSavedByName_AndComparedWithTheBase()
    {
        var name = "Churn up " + Guid.NewGuid().ToString("N")[..6];
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/scenarios");
        await page.Locator("#scenario-forecast tbody tr").First.WaitForAsync(new() { Timeout = 180_000 });

        // As a mouse drag ends: the slider's value set, then its change event.
        await page.Locator("#driver-churn").EvaluateAsync("el => { el.value = '25'; el.dispatchEvent(new Event('change', { bubbles: true })); }");
        await Assertions.Expect(page.Locator("#scenario-changes")).ToContainTextAsync("churn +25%", new() { Timeout = 180_000 });
        await page.Locator("#scenario-name").FillAsync(name);
        await page.Locator("#scenario-save").ClickAsync();
        await Assertions.Expect(page.Locator("#scenario-save-message")).ToHaveTextAsync($"Saved as “{name}”.");

        await page.Locator("#compare-first").SelectOptionAsync("base");
        await page.Locator("#compare-second").SelectOptionAsync(name);
        await page.Locator("#compare-run").ClickAsync();
        var table = page.Locator("#comparison-forecast");
        await table.Locator("tbody tr").First.WaitForAsync(new() { Timeout = 180_000 });
        Assert.Contains($"{name} P50", await table.Locator("thead").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("churn +25%", await page.Locator("#scenario-drivers thead").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#comparison-plans tbody tr").First).ToBeVisibleAsync();
        DashboardApp.AssertNoErrors(errors);
    }
}
