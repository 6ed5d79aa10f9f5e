using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using Bellwether.Core.Time;

namespace Bellwether.Core;

/// <summary>
/// The checks the domain records run in their <c>init</c> accessors (docs/decisions/0007-validated-domain-records.md).
/// Each returns its value, so an accessor reads <c>init =&gt; field = Guard.NotNegative(value);</c>, and names the
/// property it guards (the caller, unless given) and the bad value in its exception. The store loads tens of millions
/// of records through these: each check is a comparison or two that the JIT inlines, and messages are built only in
/// the throw helpers, which keep the checks small.
/// </summary>
internal static class Guard
{
    /// <summary>An identifier: not blank, and trimmed as the folder format's ids are.</summary>
    public static string Id(string value, [CallerMemberName] string property = "")
    {
        // Non-empty with no white space at either end is also not blank.
        if (value is null || value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            ThrowBadText(value, property);
        }

        return value;
    }

    /// <summary>An optional identifier: null, or an <see cref="Id"/>.</summary>
    public static string? OptionalId(string? value, [CallerMemberName] string property = "") =>
        value is null ? null : Id(value, property);

    /// <summary>Required text: not null, empty or only white space.</summary>
    public static string NotBlank(string value, [CallerMemberName] string property = "")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ThrowBadText(value, property);
        }

        return value;
    }

    /// <summary>An ISO 4217 currency code: three upper-case ASCII letters (<c>USD</c>, <c>EUR</c>).</summary>
    public static string CurrencyCode(string value, [CallerMemberName] string property = "")
    {
        if (value is not { Length: 3 } || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1]) || !char.IsAsciiLetterUpper(value[2]))
        {
            ThrowArgument(property, $"{property} is not a currency code (three capital letters, e.g. USD): \"{value}\"");
        }

        return value;
    }

    public static T NotNull<T>(T value, [CallerMemberName] string property = "")
        where T : class
    {
        if (value is null)
        {
            ThrowNull(property);
        }

        return value;
    }

    /// <summary>An amount, count or quantity that is never negative (zero is allowed).</summary>
    public static T NotNegative<T>(T value, [CallerMemberName] string property = "")
        where T : struct, INumber<T>
    {
        if (IsBelowZero(value))
        {
            ThrowOutOfRange(property, value, "is negative");
        }

        return value;
    }

    public static T? NotNegative<T>(T? value, [CallerMemberName] string property = "")
        where T : struct, INumber<T>
    {
        if (value is { } number && IsBelowZero(number))
        {
            ThrowOutOfRange(property, number, "is negative");
        }

        return value;
    }

    /// <summary>A probability, 0 to 1 inclusive; NaN is not one.</summary>
    public static double? Probability(double? value, [CallerMemberName] string property = "")
    {
        if (value is { } p && !(p >= 0 && p <= 1))
        {
            ThrowOutOfRange(property, p, "is not a probability between 0 and 1");
        }

        return value;
    }

    /// <summary>One of the enumeration's named values.</summary>
    public static T Defined<T>(T value, [CallerMemberName] string property = "")
        where T : struct, Enum
    {
        if (!IsDefined(value))
        {
            ThrowUndefined(property, value);
        }

        return value;
    }

    public static T? Defined<T>(T? value, [CallerMemberName] string property = "")
        where T : struct, Enum
    {
        if (value is { } v && !IsDefined(v))
        {
            ThrowUndefined(property, v);
        }

        return value;
    }

    /// <summary>An instant: a <see cref="DateTimeOffset"/> in UTC, i.e. with offset zero.</summary>
    public static DateTimeOffset Utc(DateTimeOffset value, [CallerMemberName] string property = "")
    {
        if (value.TotalOffsetMinutes != 0)
        {
            ThrowNotUtc(property, value);
        }

        return value;
    }

    public static DateTimeOffset? Utc(DateTimeOffset? value, [CallerMemberName] string property = "")
    {
        if (value is { } instant && instant.TotalOffsetMinutes != 0)
        {
            ThrowNotUtc(property, instant);
        }

        return value;
    }

    /// <summary>A month, kept as its first day.</summary>
    public static DateOnly FirstOfMonth(DateOnly value, [CallerMemberName] string property = "")
    {
        if (value.Day != 1)
        {
            ThrowNotFirstOfMonth(property, value);
        }

        return value;
    }

    /// <summary>
    /// Two instants that must not be out of order, checked only when both are known: a record's accessors call this
    /// with the other property's current value, which is unset (null or the earliest instant) until its own accessor has
    /// run, so an object initializer may set the two in either order.
    /// </summary>
    public static void InOrder(DateTimeOffset? earlier, string earlierName, DateTimeOffset? later, string laterName, [CallerMemberName] string property = "")
    {
        if (later < earlier)
        {
            ThrowOutOfOrder(property, laterName, later.Value, earlierName, earlier!.Value);
        }
    }

    /// <inheritdoc cref="InOrder(DateTimeOffset?, string, DateTimeOffset?, string, string)"/>
    public static void InOrder(DateOnly? earlier, string earlierName, DateOnly? later, string laterName, [CallerMemberName] string property = "")
    {
        if (later < earlier)
        {
            ThrowOutOfOrder(property, laterName, later.Value, earlierName, earlier!.Value);
        }
    }

    /// <summary>
    /// Below zero; a decimal's negative zero (<c>Math.Round(-0.001m, 2)</c>) is zero. The sign is tested first, which
    /// for a decimal is one bit where a comparison is a call.
    /// </summary>
    private static bool IsBelowZero<T>(T value)
        where T : struct, INumber<T> => T.IsNegative(value) && !T.IsZero(value);

    /// <summary>
    /// <see cref="Enum.IsDefined{TEnum}(TEnum)"/>, with a fast path for the folder format's enumerations, which are all
    /// <see cref="int"/>s numbered 0, 1, 2, …: a value is defined exactly when it is below their count.
    /// </summary>
    private static bool IsDefined<T>(T value)
        where T : struct, Enum =>
        Numbered<T>.FromZero ? (uint)Unsafe.As<T, int>(ref value) < Numbered<T>.Count : Enum.IsDefined(value);

    private static class Numbered<T>
        where T : struct, Enum
    {
        public static readonly uint Count = (uint)Enum.GetValues<T>().Length;

        public static readonly bool FromZero = IsNumberedFromZero();

        private static bool IsNumberedFromZero()
        {
            if (Unsafe.SizeOf<T>() != sizeof(int))
            {
                return false;
            }

            var values = Enum.GetValues<T>();
            for (var i = 0; i < values.Length; i++)
            {
                if (Unsafe.As<T, int>(ref values[i]) != i)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Throws for text that is null, blank, or (as an id) has white space around it.</summary>
    [DoesNotReturn]
    private static void ThrowBadText(string? value, string property)
    {
        if (value is null)
        {
            ThrowNull(property);
        }

        ThrowArgument(property, string.IsNullOrWhiteSpace(value) ? $"{property} is blank: \"{value}\"" : $"{property} has white space around it: \"{value}\"");
    }

    [DoesNotReturn]
    private static void ThrowNull(string property) =>
        throw new ArgumentNullException(property, $"{property} is required, and null");

    [DoesNotReturn]
    private static void ThrowOutOfRange<T>(string property, T value, string reason)
        where T : IFormattable =>
        throw new ArgumentOutOfRangeException(property, value, $"{property} {reason}: {value.ToString(null, CultureInfo.InvariantCulture)}");

    [DoesNotReturn]
    private static void ThrowUndefined<T>(string property, T value)
        where T : struct, Enum =>
        throw new ArgumentOutOfRangeException(property, value, $"{property} is not a {typeof(T).Name}: {value}");

    [DoesNotReturn]
    private static void ThrowNotUtc(string property, DateTimeOffset value) =>
        ThrowArgument(property, $"{property} is not in UTC: {value.ToString("O", CultureInfo.InvariantCulture)} (offset {value.Offset})");

    [DoesNotReturn]
    private static void ThrowNotFirstOfMonth(string property, DateOnly value) =>
        ThrowArgument(property, $"{property} is not the first day of a month: {IsoDay(value)}");

    [DoesNotReturn]
    private static void ThrowOutOfOrder(string property, string laterName, DateTimeOffset later, string earlierName, DateTimeOffset earlier) =>
        ThrowArgument(property, $"{laterName} {Instants.Format(later)} is before {earlierName} {Instants.Format(earlier)}");

    [DoesNotReturn]
    private static void ThrowOutOfOrder(string property, string laterName, DateOnly later, string earlierName, DateOnly earlier) =>
        ThrowArgument(property, $"{laterName} {IsoDay(later)} is before {earlierName} {IsoDay(earlier)}");

    private static string IsoDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [DoesNotReturn]
    private static void ThrowArgument(string property, string message) =>
        throw new ArgumentException(message, property);
}
