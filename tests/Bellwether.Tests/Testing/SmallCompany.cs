using Bellwether.Testing;

namespace Bellwether.Tests.Testing;

/// <summary>A tiny valid company in the folder format, whose files a test can replace one at a time.</summary>
public sealed class SmallCompany : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["reps.csv"] = """
            rep_id,name,team,manager_id,role,start_date
            M1,Maria Manager,East,,manager,2023-01-01
            R1,Rita Rep,East,M1,ae,2024-01-15
            R2,Raj Rep,East,M1,ae,2024-03-01
            """,
        ["accounts.csv"] = """
            account_id,name,vertical
            A1,Acme,retail
            A2,Globex,finance
            """,
        ["opportunities.csv"] = """
            opportunity_id,account_id,owner_rep_id,service_line,type,amount,created_at,stage,status,closed_at
            O1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15
            O2,A2,R2,Training,expansion,2500,2025-01-12,Proposal,open,
            """,
        ["quotas.csv"] = """
            rep_id,period,amount
            R1,2025-Q1,10000
            """,
    };

    private readonly TempFolder _temp = new();

    public SmallCompany(IReadOnlyDictionary<string, string>? overrides = null)
    {
        Folder = Path.Combine(_temp.Path, "company");
        Directory.CreateDirectory(Folder);
        foreach (var (name, content) in Files)
        {
            Write(name, overrides?.GetValueOrDefault(name) ?? content);
        }

        foreach (var (name, content) in overrides ?? new Dictionary<string, string>())
        {
            if (!Files.ContainsKey(name))
            {
                Write(name, content);
            }
        }

        Db = Path.Combine(_temp.Path, "store.duckdb");
        Report = Path.Combine(_temp.Path, "report");
    }

    public string Folder { get; }

    public string Db { get; }

    public string Report { get; }

    public string TempPath => _temp.Path;

    public void Write(string name, string content) => File.WriteAllText(Path.Combine(Folder, name), content.ReplaceLineEndings("\n") + "\n");

    public void Delete(string name) => File.Delete(Path.Combine(Folder, name));

    public CliResult Import(params string[] extra) => CliRunner.Run(["import", Folder, "--db", Db, "--report", Report, .. extra]);

    public void Dispose() => _temp.Dispose();
}
