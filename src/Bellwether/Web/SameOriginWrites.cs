namespace Bellwether.Web;

/// <summary>
/// Refuses a request that changes something (POST, PUT, DELETE, PATCH) sent by a web page of another origin: the API
/// has no sign-in yet, and a form posted from any site a user visits could otherwise reach a server on their machine
/// (JSON bodies need the browser's preflight, which the API never grants; a multipart upload does not). Tools such as
/// curl send no Origin and pass; so does the dashboard, which is the same origin.
/// </summary>
public sealed class SameOriginWrites : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && request.Headers.Origin is [{ } origin]
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)))
        {
            return ApiResults.Problem(StatusCodes.Status403Forbidden, "Cross-site request refused", $"{request.Method} from a page of {origin}: the API takes changes only from its own origin or from tools that send no Origin");
        }

        return await next(context).ConfigureAwait(false);
    }
}
