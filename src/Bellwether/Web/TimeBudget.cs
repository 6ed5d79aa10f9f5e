using Bellwether.Services;

namespace Bellwether.Web;

/// <summary>
/// The time budget of an API request: its cancellation (which handlers pass to the engine as
/// <see cref="HttpContext.RequestAborted"/>) is cancelled when the client goes away or when the budget is spent,
/// whichever comes first. A request past its budget is answered 503 with a problem that says the budget and how to ask
/// for less; it is an expected outcome, not a bug, so nothing is logged. A client that went away gets nothing (499 in
/// the server's logs), and its work stops too. Imports are not bounded (their size is), nor the dashboard (its pages
/// have the same budget, <see cref="Dashboard.Live.LivePage{TData}"/>).
/// </summary>
public static class TimeBudget
{
    /// <summary>What nginx calls a request whose client closed the connection before the answer.</summary>
    public const int ClientClosedRequest = 499;

    public static WebApplication UseTimeBudget(this WebApplication app, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(app);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || IsImport(context.Request))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            var aborted = context.RequestAborted;
            // The budget's timer runs on the host's clock (a budget of zero is spent before the request starts).
            using var spent = new CancellationTokenSource(budget, clock);
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(aborted, spent.Token);
            context.RequestAborted = bounded.Token;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (bounded.IsCancellationRequested && !context.Response.HasStarted)
            {
                // The answer is written under the client's own cancellation: the spent budget would stop its writing too.
                context.RequestAborted = aborted;
                if (aborted.IsCancellationRequested)
                {
                    context.Response.StatusCode = ClientClosedRequest;
                    return;
                }

                await ApiErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Over the time budget", ApiLimits.Exceeded(budget)).ConfigureAwait(false);
            }
            finally
            {
                context.RequestAborted = aborted;
            }
        });
        return app;
    }

    private static bool IsImport(HttpRequest request) => request.Path.Value?.EndsWith("/imports", StringComparison.OrdinalIgnoreCase) == true;
}
