using Bellwether.Core.Budget;
using Bellwether.Dashboard.Plans;
using Bellwether.Storage;
using Bellwether.Web;

namespace Bellwether.Dashboard.Live;

/// <summary>
/// Reads the Overview's plan status as soon as the host serves, again after each change of the data and at the start
/// of each hour (the "now" the dashboard reads as of): the company's load, the engine, the forecast fits at now and a
/// week earlier and every open plan's forecast — tens of seconds at ten thousand accounts — are then ready, or under way
/// and joined (<see cref="SharedWork"/>), when someone opens the dashboard, instead of starting with their first visit.
/// The reading is the one the page and <c>GET …/plans</c> use (<see cref="PlanStatusService"/>, kept per store version
/// and hour), so warming computes nothing a visitor would not. Only <c>serve</c> and <c>demo</c> warm
/// (<see cref="Web.WebHostOptions.Warm"/>); hosts made for tests do not.
/// </summary>
public sealed class OverviewWarmer(PillarStatusService overview, DataChangeNotifier changes, TimeProvider clock, ILogger<OverviewWarmer> logger) : BackgroundService
{
    /// <summary>How many readings finished, for tests and diagnostics.</summary>
    public int Readings => _readings;

    private int _readings;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var changed = new SemaphoreSlim(0);
        using var subscription = changes.Subscribe(_ => changed.Release());
        // Off the host's start: the first reading runs beside the first requests, not before the host listens.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Run(() => overview.Overview(stoppingToken), stoppingToken).ConfigureAwait(false);
                Interlocked.Increment(ref _readings);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Cli.UserErrorException or StoreException or WorkTooLargeException)
            {
                // The first visitor's request will compute it and say what is wrong; the warmer only wanted to be early.
                logger.LogWarning("reading the overview ahead of visitors: {Message}", e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug must not stop the host (a background service's exception would): the visitor's request meets it
                // again and reports it as every request does.
                logger.LogError(e, "reading the overview ahead of visitors failed");
            }

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
