using System.Diagnostics;
using System.Globalization;
using Bellwether.Core.Import;
using DuckDB.NET.Data;

namespace Bellwether.Benchmarks;

/// <summary>
/// Import throughput: `bellwether import` of a folder (every check on) beside the floor, DuckDB's own read_csv of the
/// same files into plain tables of a fresh file, each in its own process so that peak memory is its own.
/// </summary>
public static class ImportThroughput
{
    public static int Run(string folder, string bellwetherDll, int runs)
    {
        var files = FileSchemas.All.Select(s => Path.Combine(folder, s.FileName)).Where(File.Exists).ToList();
        var rows = files.Sum(f => File.ReadLines(f).LongCount() - 1);
        var bytes = files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine(FormattableString.Invariant($"folder {folder}: {files.Count} files, {rows:#,0} rows, {bytes / 1e6:#,0} MB"));
        foreach (var f in files)
        {
            Console.WriteLine(FormattableString.Invariant($"  {Path.GetFileName(f)}: {File.ReadLines(f).LongCount() - 1:#,0} rows"));
        }

        var scratch = Path.Combine(Path.GetTempPath(), "bellwether-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            for (var run = 1; run <= runs; run++)
            {
                var floorDb = Path.Combine(scratch, $"floor-{run}.duckdb");
                var floor = Measured.Run("dotnet", typeof(ImportThroughput).Assembly.Location, "floor", folder, floorDb);
                Check(floor, "floor");
                var db = Path.Combine(scratch, $"import-{run}.duckdb");
                var import = Measured.Run("dotnet", bellwetherDll, "import", folder, "--db", db, "--format", "csv");
                Check(import, "import");
                // Every file read again and every row compared (what a re-import did before files were fingerprinted)…
                var compared = Measured.Run("dotnet", bellwetherDll, "import", folder, "--db", db, "--format", "csv", "--read-all");
                Check(compared, "re-import, every row compared");
                // …and as a re-import runs by default: files given again byte for byte are hashed, not read.
                var again = Measured.Run("dotnet", bellwetherDll, "import", folder, "--db", db, "--format", "csv");
                Check(again, "re-import");
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| run {run} | floor (read_csv) {floor.Wall.TotalSeconds:0.0} s, {rows / floor.Wall.TotalSeconds:#,0} rows/s, peak {floor.PeakBytes / 1e6:#,0} MB "
                    + $"| import {import.Wall.TotalSeconds:0.0} s, {rows / import.Wall.TotalSeconds:#,0} rows/s, peak {import.PeakBytes / 1e6:#,0} MB "
                    + $"| {import.Wall.TotalSeconds / floor.Wall.TotalSeconds:0.00}× floor "
                    + $"| re-import, every row compared (--read-all) {compared.Wall.TotalSeconds:0.0} s, peak {compared.PeakBytes / 1e6:#,0} MB "
                    + $"| re-import of unchanged files {again.Wall.TotalSeconds:0.0} s, peak {again.PeakBytes / 1e6:#,0} MB |"));
                File.Delete(floorDb);
                File.Delete(db);
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        return 0;
    }

    /// <summary>The floor: each file read by DuckDB's read_csv straight into a plain table, then a checkpoint.</summary>
    public static int Floor(string folder, string db)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new DuckDBConnection($"Data Source={db}");
        connection.Open();
        foreach (var schema in FileSchemas.All)
        {
            var path = Path.Combine(folder, schema.FileName);
            if (!File.Exists(path))
            {
                continue;
            }

            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE TABLE {schema.Table} AS SELECT * FROM read_csv('{path.Replace("'", "''", StringComparison.Ordinal)}')";
            command.ExecuteNonQuery();
        }

        using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "CHECKPOINT";
            checkpoint.ExecuteNonQuery();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor {watch.Elapsed.TotalSeconds:0.00} s"));
        return 0;
    }

    private static void Check(Measured measured, string what)
    {
        if (measured.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed with exit code {measured.ExitCode}:\n{measured.Output}");
        }
    }
}
