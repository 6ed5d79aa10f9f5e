namespace Bellwether.Core.Import;

/// <summary>
/// One problem with one value, named so that a person can find and fix it:
/// <c>opportunities.csv:212 closed_at: "2025-13-01" is not a date</c>. Lines are those of the file the user gave
/// (for a preset, the source file), counting the header as line 1; line 0 means the whole file.
/// </summary>
public sealed record ImportError(string File, int Line, string Column, string? Value, string Reason)
{
    public override string ToString()
    {
        // Line 0 stands for the file as a whole (a required file that is missing).
        var file = Line == 0 ? File : $"{File}:{Line}";
        var where = Column.Length == 0 ? file : $"{file} {Column}";
        return Value is null ? $"{where}: {Reason}" : $"{where}: \"{Value}\" {Reason}";
    }
}
