namespace Bellwether.Services;

/// <summary>
/// A store's table versions as one piece of a cache key: whatever the host keeps (a fit, a plan reading, an
/// explanation, a page's panel) is kept per version of the data it was computed from, and a new version is a new key.
/// </summary>
public static class VersionKey
{
    public static string Of(IEnumerable<KeyValuePair<string, long>> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return string.Join(",", versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));
    }
}
