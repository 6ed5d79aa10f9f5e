using System.Data.Common;
using Bellwether.Core.Plans;
using Bellwether.Core.Text;
using DuckDB.NET.Data;

namespace Bellwether.Storage.DuckDb;

/// <summary>The plan log (migration 0004) and plan edits: each edit rewrites the plan and logs it in one transaction.</summary>
public sealed partial class DuckDbStore
{
    private const string KeyMatch = "workspace_id = $ws AND pillar = $pillar AND metric = $metric AND period = $period AND coalesce(slice, '') = $slice";

    public IReadOnlyList<PlanChange> PlanChanges(string workspace)
    {
        using var command = Command(
            """
            SELECT seq, pillar, metric, period, slice, target_before, owner_before, target_after, owner_after, changed_by, changed_at, source, import_id
            FROM plan_changes WHERE workspace_id = $ws ORDER BY seq
            """,
            workspace);
        using var reader = command.ExecuteReader();
        var changes = new List<PlanChange>();
        while (reader.Read())
        {
            changes.Add(new PlanChange
            {
                Sequence = reader.GetInt64(0),
                Key = new PlanKey { Pillar = SnakeCase.Parse<Pillar>(reader.GetString(1)), Metric = reader.GetString(2), Period = reader.GetString(3), Slice = reader.GetString(4) },
                Before = Terms(reader, 5),
                After = Terms(reader, 7),
                ChangedBy = reader.GetString(9),
                ChangedAt = reader.IsDBNull(10) ? null : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(10), DateTimeKind.Utc)),
                Source = SnakeCase.Parse<PlanChangeSource>(reader.GetString(11)),
                ImportId = reader.IsDBNull(12) ? null : reader.GetInt64(12),
            });
        }

        return changes;
    }

    public PlanChange? SetPlan(string workspace, PlanLine plan, PlanAuthor author)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var key = PlanKey.Of(plan);
        var after = PlanTerms.Of(plan);
        EnsureWorkspace(workspace);
        using var transaction = Connection.BeginTransaction();
        var (before, attributes) = Stored(workspace, key);
        if (before == after)
        {
            return null;
        }

        Delete(workspace, key);
        using (var insert = Command("INSERT INTO plans (workspace_id, pillar, metric, period, target, owner, slice, attributes) VALUES ($ws, $pillar, $metric, $period, $target, $owner, $slice_or_null, $attributes)", workspace))
        {
            AddKey(insert, key);
            insert.Parameters.Add(new DuckDBParameter("slice_or_null", key.Slice.Length == 0 ? DBNull.Value : key.Slice));
            insert.Parameters.Add(new DuckDBParameter("target", after.Target));
            insert.Parameters.Add(new DuckDBParameter("owner", after.Owner));
            insert.Parameters.Add(new DuckDBParameter("attributes", (object?)attributes ?? DBNull.Value));
            insert.ExecuteNonQuery();
        }

        var change = Log(workspace, key, before, after, author);
        BumpVersion(workspace, "plans");
        transaction.Commit();
        return change;
    }

    public PlanChange? RemovePlan(string workspace, PlanKey key, PlanAuthor author)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var transaction = Connection.BeginTransaction();
        var (before, _) = Stored(workspace, key);
        if (before is null)
        {
            return null;
        }

        Delete(workspace, key);
        var change = Log(workspace, key, before, null, author);
        BumpVersion(workspace, "plans");
        transaction.Commit();
        return change;
    }

    private (PlanTerms? Terms, string? Attributes) Stored(string workspace, PlanKey key)
    {
        using var select = Command($"SELECT target, owner, attributes FROM plans WHERE {KeyMatch}", workspace);
        AddKey(select, key);
        using var reader = select.ExecuteReader();
        return reader.Read() ? (Terms(reader, 0), reader.IsDBNull(2) ? null : reader.GetString(2)) : (null, null);
    }

    private void Delete(string workspace, PlanKey key)
    {
        using var delete = Command($"DELETE FROM plans WHERE {KeyMatch}", workspace);
        AddKey(delete, key);
        delete.ExecuteNonQuery();
    }

    private PlanChange Log(string workspace, PlanKey key, PlanTerms? before, PlanTerms? after, PlanAuthor author)
    {
        ArgumentNullException.ThrowIfNull(author);
        long sequence;
        using (var next = Command("SELECT coalesce(max(seq), 0) + 1 FROM plan_changes WHERE workspace_id = $ws", workspace))
        {
            sequence = Convert.ToInt64(next.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        // To the second, as "now" is everywhere else on the command line: an instant a person can type back as --as-of.
        var now = _clock.GetUtcNow().ToUniversalTime();
        var change = new PlanChange
        {
            Sequence = sequence,
            Key = key,
            Before = before,
            After = after,
            ChangedBy = author.Name,
            ChangedAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
            Source = author.Source,
        };
        using var insert = Command(
            """
            INSERT INTO plan_changes (workspace_id, seq, pillar, metric, period, slice, target_before, owner_before, target_after, owner_after, changed_by, changed_at, source, import_id)
            VALUES ($ws, $seq, $pillar, $metric, $period, $slice, $target_before, $owner_before, $target_after, $owner_after, $by, $at, $source, NULL)
            """,
            workspace);
        AddKey(insert, key);
        insert.Parameters.Add(new DuckDBParameter("seq", sequence));
        insert.Parameters.Add(new DuckDBParameter("target_before", (object?)before?.Target ?? DBNull.Value));
        insert.Parameters.Add(new DuckDBParameter("owner_before", (object?)before?.Owner ?? DBNull.Value));
        insert.Parameters.Add(new DuckDBParameter("target_after", (object?)after?.Target ?? DBNull.Value));
        insert.Parameters.Add(new DuckDBParameter("owner_after", (object?)after?.Owner ?? DBNull.Value));
        insert.Parameters.Add(new DuckDBParameter("by", author.Name));
        insert.Parameters.Add(new DuckDBParameter("at", change.ChangedAt.Value.UtcDateTime));
        insert.Parameters.Add(new DuckDBParameter("source", SnakeCase.Name(author.Source)));
        insert.ExecuteNonQuery();
        return change;
    }

    private static void AddKey(DuckDBCommand command, PlanKey key)
    {
        command.Parameters.Add(new DuckDBParameter("pillar", SnakeCase.Name(key.Pillar)));
        command.Parameters.Add(new DuckDBParameter("metric", key.Metric));
        command.Parameters.Add(new DuckDBParameter("period", key.Period));
        command.Parameters.Add(new DuckDBParameter("slice", key.Slice));
    }

    private static PlanTerms? Terms(DbDataReader reader, int i) => reader.IsDBNull(i) || reader.IsDBNull(i + 1)
        ? null
        : new PlanTerms { Target = reader.GetDecimal(i) / 1.000000000000000000000000000000000m, Owner = reader.GetString(i + 1) };
}
