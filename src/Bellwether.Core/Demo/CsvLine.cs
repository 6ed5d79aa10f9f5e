using System.Globalization;

namespace Bellwether.Core.Demo;

/// <summary>
/// Builds one CSV line (RFC 4180, LF endings) in a reused buffer and writes it, so that tens of millions of rows are
/// written without a string per value. Values are written in the forms of data-format.md: instants
/// <c>2025-03-31T14:05:00Z</c>, dates <c>2025-03-31</c>, months <c>2025-03</c>, money with at most two decimals.
/// </summary>
internal sealed class CsvLine
{
    private char[] _buffer = new char[256];
    private int _length;
    private bool _first = true;

    public CsvLine Empty()
    {
        Separator();
        return this;
    }

    /// <summary>An id made of a prefix and a zero-padded number, e.g. <c>OP0001234</c>.</summary>
    public CsvLine Id(string prefix, long number, int width)
    {
        Separator();
        Append(prefix);
        var digits = Digits(number);
        for (var i = digits; i < width; i++)
        {
            Append('0');
        }

        AppendNumber(number);
        return this;
    }

    public CsvLine Text(string? text)
    {
        Separator();
        if (text is null)
        {
            return this;
        }

        if (text.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            Append(text);
            return this;
        }

        Append('"');
        foreach (var c in text)
        {
            if (c == '"')
            {
                Append('"');
            }

            Append(c);
        }

        Append('"');
        return this;
    }

    /// <summary>A UTC instant given as <see cref="DateTime"/> ticks, to the second.</summary>
    public CsvLine Instant(long ticks)
    {
        Separator();
        var day = DateOnly.FromDayNumber((int)(ticks / TimeSpan.TicksPerDay));
        AppendDate(day);
        var seconds = (int)(ticks % TimeSpan.TicksPerDay / TimeSpan.TicksPerSecond);
        Append('T');
        AppendTwo(seconds / 3600);
        Append(':');
        AppendTwo(seconds / 60 % 60);
        Append(':');
        AppendTwo(seconds % 60);
        Append('Z');
        return this;
    }

    public CsvLine Date(DateOnly day)
    {
        Separator();
        AppendDate(day);
        return this;
    }

    /// <summary>A month given as an index, year × 12 + month − 1.</summary>
    public CsvLine Month(int monthIndex)
    {
        Separator();
        AppendFour(monthIndex / 12);
        Append('-');
        AppendTwo((monthIndex % 12) + 1);
        return this;
    }

    public CsvLine Number(long value)
    {
        Separator();
        if (value < 0)
        {
            Append('-');
            value = -value;
        }

        AppendNumber(value);
        return this;
    }

    /// <summary>A decimal rounded to two places, without trailing zeros (<c>24500</c>, <c>0.1</c>, <c>-3.25</c>).</summary>
    public CsvLine Decimal(decimal value)
    {
        Separator();
        var rounded = decimal.Round(value, 2, MidpointRounding.ToEven);
        if (Math.Abs(rounded) >= 1_000_000_000_000_000m)
        {
            Ensure(40);
            rounded.TryFormat(_buffer.AsSpan(_length), out var written, "0.##", CultureInfo.InvariantCulture);
            _length += written;
            return this;
        }

        // Money is written often enough (tens of millions of rows) that formatting it by hand pays.
        var cents = (long)(rounded * 100m);
        if (cents < 0)
        {
            Append('-');
            cents = -cents;
        }

        AppendNumber(cents / 100);
        var fraction = (int)(cents % 100);
        if (fraction != 0)
        {
            Append('.');
            Append((char)('0' + (fraction / 10)));
            if (fraction % 10 != 0)
            {
                Append((char)('0' + (fraction % 10)));
            }
        }

        return this;
    }

    public void WriteTo(TextWriter writer)
    {
        Append('\n');
        writer.Write(_buffer, 0, _length);
        _length = 0;
        _first = true;
    }

    private static int Digits(long n)
    {
        var digits = 1;
        while (n >= 10)
        {
            n /= 10;
            digits++;
        }

        return digits;
    }

    private void Separator()
    {
        if (!_first)
        {
            Append(',');
        }

        _first = false;
    }

    private void AppendDate(DateOnly day)
    {
        AppendFour(day.Year);
        Append('-');
        AppendTwo(day.Month);
        Append('-');
        AppendTwo(day.Day);
    }

    private void AppendNumber(long value)
    {
        var digits = Digits(value);
        Ensure(digits);
        for (var i = _length + digits - 1; i >= _length; i--)
        {
            _buffer[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        _length += digits;
    }

    private void AppendTwo(int value)
    {
        Append((char)('0' + (value / 10)));
        Append((char)('0' + (value % 10)));
    }

    private void AppendFour(int value)
    {
        AppendTwo(value / 100);
        AppendTwo(value % 100);
    }

    private void Append(string text)
    {
        Ensure(text.Length);
        text.CopyTo(0, _buffer, _length, text.Length);
        _length += text.Length;
    }

    private void Append(char c)
    {
        if (_length == _buffer.Length)
        {
            Ensure(1);
        }

        _buffer[_length++] = c;
    }

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}
