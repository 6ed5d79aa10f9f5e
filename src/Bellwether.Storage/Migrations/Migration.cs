using System.Reflection;
using System.Text.RegularExpressions;

namespace Bellwether.Storage.Migrations;

/// <summary>
/// A forward-only schema step, one SQL file per version and database (Migrations/DuckDb/0001_initial.sql). Versions
/// are applied in order, each once, and never edited after they ship: a change is a new file.
/// </summary>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    /// <summary>The migrations embedded for one database (the folder name under Migrations).</summary>
    public static IReadOnlyList<Migration> For(string database)
    {
        var assembly = typeof(Migration).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{database}.";
        return
        [
            .. assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                .Select(n => Read(assembly, n, n[prefix.Length..^4]))
                .OrderBy(m => m.Version),
        ];
    }

    private static Migration Read(Assembly assembly, string resource, string fileName)
    {
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Migration {fileName} is not named NNNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd());
    }

    [GeneratedRegex(@"^_?(\d{4})_(.+)$")]
    private static partial Regex FileNamePattern();
}
