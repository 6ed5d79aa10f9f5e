-- Every change to a workspace's plans, so that the plans as they stood at any instant can be read back (PlanBook). The
-- plans table stays the current state the engine reads; this log says how it got there. A key is (pillar, metric,
-- period, slice), the slice as canonical text ('' for the whole company, where the plans table holds NULL). before_*
-- are NULL for a new plan, after_* NULL for a removal. changed_at NULL means "known from the start": plans.csv has no
-- date, so the first import that brings a key records it so; later imports record their as-of instant, plan set and
-- plan remove the clock's now. seq is the order of writing: replaying in seq order gives the plans table.
-- source is 'import' (with import_id), 'cli' or 'api'. No keys: written only by the importer and IPlanLog.
CREATE TABLE plan_changes (
    workspace_id  VARCHAR       NOT NULL,
    seq           BIGINT        NOT NULL,
    pillar        VARCHAR       NOT NULL,
    metric        VARCHAR       NOT NULL,
    period        VARCHAR       NOT NULL,
    slice         VARCHAR       NOT NULL,
    target_before DECIMAL(18,6),
    owner_before  VARCHAR,
    target_after  DECIMAL(18,6),
    owner_after   VARCHAR,
    changed_by    VARCHAR       NOT NULL,
    changed_at    TIMESTAMP,
    source        VARCHAR       NOT NULL,
    import_id     BIGINT
);

-- Stores made before this log: the plans they hold are known from the start, brought by an import.
INSERT INTO plan_changes
SELECT workspace_id,
       row_number() OVER (PARTITION BY workspace_id ORDER BY pillar, metric, period, coalesce(slice, '')),
       pillar, metric, period, coalesce(slice, ''), NULL, NULL, target, owner, 'import', NULL, 'import', NULL
FROM plans;
