namespace Bellwether.Import.Mapping;

/// <summary>
/// An input that cannot be read the way its mapping or preset says, found before any row is imported: a mistake in a
/// mapping file (an unknown canonical column, a bad date format), or a source file or column the mapping needs that is
/// not there. <see cref="Exception.Message"/> names where to look: <c>deals.json: files."opportunities.csv".columns.amount: …</c>.
/// </summary>
public sealed class MappingException : Exception
{
    public MappingException(string mapping, string? key, string reason)
        : base(key is null ? $"{mapping}: {reason}" : $"{mapping}: {key}: {reason}")
    {
        Mapping = mapping;
        Key = key;
        Reason = reason;
    }

    /// <summary>The mapping file's name, or the preset's (<c>maven-crm preset</c>).</summary>
    public string Mapping { get; }

    /// <summary>Where in the mapping the mistake is, as a path of keys; null for the mapping as a whole.</summary>
    public string? Key { get; }

    public string Reason { get; }
}
