using System.Text.Json;
using Bellwether.Cli;
using Bellwether.Core.Budget;
using Bellwether.Core.Indicators;
using Bellwether.Services;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Bellwether.Web;

/// <summary>
/// The API's answers when a request goes wrong outside its handlers, each a problem document (RFC 9457) in our words,
/// never an empty body or .NET's message: a body that is not the JSON an endpoint reads, or not JSON at all (400, 415),
/// a request too large (413), an answer too large (422, <see cref="IndicatorEngine.MaxRows"/>), work past the memory budget (422 when it
/// can never fit, 503 while other work holds the rest; <see cref="MemoryBudget"/>), a path or method the API does not have (404, 405),
/// too many heavy requests (429), past the time budget (503, <see cref="TimeBudget"/>), and —
/// last resort — a bug (500, its trace logged under an id the answer names). Mistakes in what was asked are answered by
/// the handlers themselves (<see cref="ApiResults"/>), never by an exception.
/// </summary>
public static class ApiErrors
{
    public static IServiceCollection AddApiErrors(this IServiceCollection services, ApiLimits limits, ErrorLog log)
    {
        services.AddSingleton(log);
        services.AddProblemDetails();
        services.AddExceptionHandler<ExceptionProblems>();
        // A body the endpoint cannot read is reported by throwing; ExceptionProblems turns it into our problem.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddRateLimiter(o =>
        {
            o.AddConcurrencyLimiter(ApiLimits.Heavy, c =>
            {
                c.PermitLimit = limits.HeavyConcurrency;
                c.QueueLimit = limits.HeavyQueue;
                c.QueueProcessingOrder = System.Threading.RateLimiting.QueueProcessingOrder.OldestFirst;
            });
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, cancellation) => WriteAsync(
                context.HttpContext,
                StatusCodes.Status429TooManyRequests,
                "Too many heavy requests",
                $"{limits.HeavyConcurrency} forecasts, explanations, exports or imports are being computed and {limits.HeavyQueue} wait: try again in a moment");
        });
        return services;
    }

    public static WebApplication UseApiErrors(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (!IsApi(http.Request.Path))
            {
                return;
            }

            var (title, detail) = http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => ("Not found", $"{http.Request.Path}: no such endpoint (GET /openapi/v1.json lists them; /docs shows them)"),
                StatusCodes.Status405MethodNotAllowed => ("Method not allowed", $"{http.Request.Method} is not answered at {http.Request.Path} (GET /openapi/v1.json says which methods are)"),
                // Routing refuses a body of a type the endpoint does not declare before any handler runs.
                StatusCodes.Status415UnsupportedMediaType => ("Unsupported content type", UnsupportedType(http.Request)),
                var status => ("Error", $"the request was answered {status}"),
            };
            await WriteAsync(http, http.Response.StatusCode, title, detail).ConfigureAwait(false);
        });
        return app;
    }

    private static string UnsupportedType(HttpRequest request)
    {
        var given = string.IsNullOrEmpty(request.ContentType) ? "no content type" : $"content type {request.ContentType}";
        return request.Path.Value?.EndsWith("/imports", StringComparison.Ordinal) == true
            ? $"{given}: send the files as multipart/form-data (curl -F file=@opportunities.csv) or one zip as application/zip"
            : $"{given}: send the body as JSON, with Content-Type: application/json";
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    internal static async ValueTask WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }

    /// <summary>Exceptions as problems: a request the framework could not read (ours to word), or a bug.</summary>
    private sealed class ExceptionProblems(ErrorLog log, TimeProvider clock, ILogger<ExceptionProblems> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
            {
                // The client went away and its work stopped: nobody to answer, nothing to log.
                httpContext.Response.StatusCode = TimeBudget.ClientClosedRequest;
                return true;
            }

            var (status, title, detail) = exception switch
            {
                BadHttpRequestException bad => Unreadable(httpContext.Request, bad),
                // The engine refuses an answer past its row limit while computing it: the request asked too much.
                ResultTooLargeException tooLarge => (StatusCodes.Status422UnprocessableEntity, "The answer would be too large", tooLarge.Message),
                WorkTooLargeException { AlwaysTooLarge: true } work => (StatusCodes.Status422UnprocessableEntity, "The work would exceed the memory budget", work.Message),
                WorkTooLargeException work => (StatusCodes.Status503ServiceUnavailable, "The memory budget is in use", work.Message),
                // The GC's hard limit (docs/decisions/0011) turned a runaway allocation into this request's failure, not the process's.
                OutOfMemoryException => OutOfMemory(httpContext, exception),
                AggregateException parallel when parallel.InnerExceptions.All(e => e is OutOfMemoryException) => OutOfMemory(httpContext, exception),
                _ => Bug(httpContext, exception),
            };
            await WriteAsync(httpContext, status, title, detail).ConfigureAwait(false);
            return true;
        }

        private (int, string, string) OutOfMemory(HttpContext context, Exception exception)
        {
            // Logged: the memory budget's estimates should have refused this request before it started.
            var (_, _, detail) = Bug(context, exception);
            return (StatusCodes.Status503ServiceUnavailable, "Out of memory", $"the request needed more memory than the server has left, and was stopped; ask for less, or try again in a moment ({detail})");
        }

        private (int, string, string) Bug(HttpContext context, Exception exception)
        {
            var where = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}";
            var id = log.Write(exception, where, clock.GetUtcNow());
            logger.LogError(exception, "Unexpected error {Id} in {Request}", id, where);
            return (StatusCodes.Status500InternalServerError, "Unexpected error", $"an unexpected error (a bug in bellwether, not in the request): its trace is logged as error {id} in {log.Path}");
        }

        /// <summary>What could not be read, in our words: .NET's messages name its own parameter types.</summary>
        private static (int, string, string) Unreadable(HttpRequest request, BadHttpRequestException bad) => bad.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => (bad.StatusCode, "Unsupported content type", UnsupportedType(request)),
            StatusCodes.Status413PayloadTooLarge => (bad.StatusCode, "The request is too large", "the request's body is larger than the server takes (for uploads, zip the files)"),
            _ when request.ContentLength == 0 || (request.ContentLength is null && bad.InnerException is null && request.HasJsonContentType()) =>
                (StatusCodes.Status400BadRequest, "The body is empty", "the body is empty: this endpoint reads a JSON body (GET /openapi/v1.json shows its shape)"),
            _ when bad.InnerException is JsonException json => (StatusCodes.Status400BadRequest, "The body is not the JSON this endpoint reads", BodyMistake(json)),
            _ => (StatusCodes.Status400BadRequest, "The request could not be read", "the request could not be read: check its parameters and body against GET /openapi/v1.json"),
        };

        private static string BodyMistake(JsonException json)
        {
            var where = json.Path is { Length: > 0 } path && path != "$" ? $" at {path}" : json.LineNumber is { } line ? $" at line {line + 1}, position {(json.BytePositionInLine ?? 0) + 1}" : "";
            return $"the body is not the JSON this endpoint reads{where} (malformed, or a value of the wrong kind; GET /openapi/v1.json shows its shape)";
        }
    }
}
