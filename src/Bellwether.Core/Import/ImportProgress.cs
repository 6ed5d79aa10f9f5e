namespace Bellwether.Core.Import;

public enum ImportPhase
{
    Reading,
    Checking,
    Storing,
    Done,
}

/// <summary>Where an import is, for a progress bar: rows read so far and, where known, bytes of input read.</summary>
public readonly record struct ImportProgress(ImportPhase Phase, string File, long Rows, long BytesRead, long TotalBytes);
