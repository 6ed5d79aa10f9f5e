using Bellwether.Core.Budget;
using Bellwether.Services;
using Bellwether.Storage;

namespace Bellwether.Dashboard.Live;

/// <summary>
/// Reads every page's data as the page first shows it (<see cref="PageReads"/>) as soon as the host serves, again after
/// each change of the data and at the start of each hour (the "now" the dashboard reads as of): the company's load, the
/// engine, the forecast fits at now and a week earlier, every open plan's forecast, the client-health model, the
/// explanations — tens of seconds at ten thousand accounts, minutes at a million deals — are then ready, or under way and
/// joined (<see cref="SharedWork"/>), when someone opens a page, instead of starting with their first visit. The Overview
/// is read first. Each reading is the one the page and the API use, kept per store version and hour, so warming computes
/// nothing a visitor would not. Only <c>serve</c> and <c>demo</c> warm (<see cref="Web.WebHostOptions.Warm"/>); hosts
/// made for tests do not.
/// </summary>
public sealed class PageWarmer(IServiceProvider services, DataChangeNotifier changes, TimeProvider clock, ILogger<PageWarmer> logger) : BackgroundService
{
    /// <summary>How many readings of every page finished, for tests and diagnostics.</summary>
    public int Readings => _readings;

    /// <summary>How many pages' readings failed (each logged), for tests and diagnostics.</summary>
    public int Failures => _failures;

    private int _readings;
    private int _failures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var changed = new SemaphoreSlim(0);
        using var subscription = changes.Subscribe(_ => changed.Release());
        // Off the host's start: the first reading runs beside the first requests, not before the host listens.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var page in PageReads.All)
            {
                try
                {
                    await Task.Run(() => page.Read(services, stoppingToken), stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (WorkTooLargeException e) when (e.AlwaysTooLarge)
                {
                    // Past what this process may ever hold (a company too large to load): every other page would say the
                    // same, so it is said once, and read again only after the data changes.
                    Interlocked.Increment(ref _failures);
                    logger.LogWarning("reading the {Page} page ahead of visitors: {Message}", page.Name, e.Message);
                    break;
                }
                catch (Exception e) when (e is Cli.UserErrorException or StoreException or WorkTooLargeException)
                {
                    // The first visitor's request will compute it and say what is wrong; the warmer only wanted to be early.
                    Interlocked.Increment(ref _failures);
                    logger.LogWarning("reading the {Page} page ahead of visitors: {Message}", page.Name, e.Message);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // A bug must not stop the host (a background service's exception would): the visitor's request meets it
                    // again and reports it as every request does.
                    Interlocked.Increment(ref _failures);
                    logger.LogError(e, "reading the {Page} page ahead of visitors failed", page.Name);
                }
            }

            Interlocked.Increment(ref _readings);

            var untilNextHour = ForecastService.Now(clock).AddHours(1) - clock.GetUtcNow();
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wake.CancelAfter((untilNextHour > TimeSpan.Zero ? untilNextHour : TimeSpan.Zero) + TimeSpan.FromSeconds(1));
            try
            {
                await changed.WaitAsync(wake.Token).ConfigureAwait(false);
                // Several changes in a row (an import's tables) are one reason to read again.
                while (changed.CurrentCount > 0)
                {
                    await changed.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The hour turned: "now" moved on, read as of the new hour.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
