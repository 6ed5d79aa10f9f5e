using System.Buffers;
using System.Security.Cryptography;
using Bellwether.Core.Import;

namespace Bellwether.Import;

/// <summary>
/// What identifies a file of the folder format without reading its rows: the SHA-256 of its bytes, and the version of
/// the code that reads them (the import module's id, which a deterministic build changes only when that code changes),
/// so that a newer Bellwether that reads a cell differently reads the file again.
/// </summary>
public static class FileFingerprint
{
    private const int BufferSize = 1 << 20;

    private static readonly string Reader = typeof(RowReader).Module.ModuleVersionId.ToString("N");

    public static string Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, BufferSize)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return $"folder:{Reader}:{stream.Length}:{Convert.ToHexStringLower(hash.GetHashAndReset())}";
    }
}
