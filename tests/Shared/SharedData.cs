namespace Bellwether.Testing;

/// <summary>
/// Finds the real public data sets in <c>../shared/data</c> beside the repository. Outside CI a test skips, with a
/// clear message, when the folder is absent; in CI (environment variable CI set) its absence is a failure.
/// </summary>
public static class SharedData
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The folder of one data set, e.g. <c>maven-crm</c>; skips or fails the test if it is not there.</summary>
    public static string Folder(string dataSet)
    {
        var root = Environment.GetEnvironmentVariable("BELLWETHER_SHARED_DATA")
            ?? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
        var folder = Path.Combine(root, dataSet);
        if (Directory.Exists(folder))
        {
            return folder;
        }

        var message = $"The shared data set {dataSet} is not at {folder}: put ../shared beside the repository (or set BELLWETHER_SHARED_DATA).";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException(message);
        }

        Assert.Skip(message);
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bellwether.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Bellwether.slnx) above " + AppContext.BaseDirectory);
    }
}
