using System.Net;

namespace Bellwether.Web;

/// <summary>
/// Whether a <c>--urls</c> value listens on this machine only. Until server mode brings sign-in, the API lets anyone
/// who reaches it read and change the company's data, so listening beyond the loopback is the user's explicit choice.
/// </summary>
public static class ListenAddresses
{
    /// <summary>The addresses of a <c>;</c>-separated <c>--urls</c> value that other machines could reach.</summary>
    public static IReadOnlyList<string> Remote(string urls) =>
        [.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(u => !IsLoopback(u))];

    private static bool IsLoopback(string url)
    {
        // Kestrel's wildcards (http://*:5000, http://+:5000, http://0.0.0.0:5000, http://[::]:5000) listen everywhere.
        var host = Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri.Host.Trim('[', ']')
            : "";
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
