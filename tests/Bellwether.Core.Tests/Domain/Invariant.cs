namespace Bellwether.Core.Tests.Domain;

/// <summary>How the domain records' tests say that building an invalid value fails.</summary>
internal static class Invariant
{
    public static readonly DateTimeOffset March = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset April = new(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>March's instant written with a +02:00 offset: the same instant, not in UTC.</summary>
    public static readonly DateTimeOffset MarchInParis = March.ToOffset(TimeSpan.FromHours(2));

    /// <summary>
    /// Building throws an <see cref="ArgumentException"/> (or a subclass) for <paramref name="property"/>, whose message
    /// names the property and shows <paramref name="value"/> as it was given.
    /// </summary>
    public static ArgumentException Broken(Func<object> build, string property, string value)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => build());
        Assert.Equal(property, e.ParamName);
        Assert.StartsWith(property, e.Message, StringComparison.Ordinal);
        Assert.Contains(value, e.Message, StringComparison.Ordinal);
        return e;
    }
}
