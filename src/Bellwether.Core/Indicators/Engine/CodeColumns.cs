using Bellwether.Core.Slicing;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>
/// The dimension codes of a table's rows: one int array per dimension the rows carry, null for those they do not.
/// Slicing reads only this, so every table is sliced the same way.
/// </summary>
internal sealed class CodeColumns(int rows, string what)
{
    private readonly int[]?[] _columns = new int[]?[Enum.GetValues<Dimension>().Length];

    public int Rows { get; } = rows;

    /// <summary>What the rows are, for reasons such as "deals cannot be sliced by activity_type".</summary>
    public string What { get; } = what;

    public int[]? this[Dimension dimension]
    {
        get => _columns[(int)dimension];
        set => _columns[(int)dimension] = value;
    }

    /// <summary>A column whose codes are looked up through another: a deal's team is its rep's team.</summary>
    public static int[] Through(int[] keys, int[] codeOfKey)
    {
        var result = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            result[i] = codeOfKey[keys[i]];
        }

        return result;
    }
}
