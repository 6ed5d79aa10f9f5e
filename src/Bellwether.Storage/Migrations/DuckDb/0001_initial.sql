-- The first schema of the embedded store. Every table carries workspace_id (one company each), so that the same
-- tables hold many companies when they live in PostgreSQL. Column names and types follow the folder format
-- (FileSchemas): ids, text, enum words, periods and slices are VARCHAR; instants are UTC TIMESTAMPs; dates and
-- months are DATEs (a month is its first day); money is DECIMAL(18,6); counts BIGINT; probabilities DOUBLE.
-- DuckDB keys are enforced by the importer, not by indexes: ART indexes on tens of millions of rows cost memory and
-- slow bulk loads, and every write goes through the importer (docs/decisions/0002-duckdb-keys.md).

CREATE TABLE workspaces (
    workspace_id              VARCHAR   NOT NULL,
    fiscal_year_start_month   INTEGER   NOT NULL DEFAULT 1,
    ramp_months               INTEGER   NOT NULL DEFAULT 3,
    qualification_window_days INTEGER   NOT NULL DEFAULT 60,
    history_fallback_stage    VARCHAR   NOT NULL DEFAULT 'unknown',
    created_at                TIMESTAMP NOT NULL
);

CREATE TABLE imports (
    workspace_id VARCHAR   NOT NULL,
    import_id    BIGINT    NOT NULL,
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP NOT NULL,
    source       VARCHAR   NOT NULL,
    preset       VARCHAR,
    as_of        TIMESTAMP NOT NULL,
    summary      VARCHAR
);

-- Bumped by every import that changes a table: caches of indicators key on these.
CREATE TABLE table_versions (
    workspace_id VARCHAR NOT NULL,
    table_name   VARCHAR NOT NULL,
    version      BIGINT  NOT NULL
);

CREATE TABLE reps (
    workspace_id VARCHAR NOT NULL,
    rep_id       VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    email        VARCHAR,
    team         VARCHAR,
    manager_id   VARCHAR,
    role         VARCHAR NOT NULL,
    region       VARCHAR,
    start_date   DATE,
    end_date     DATE,
    attributes   VARCHAR
);

CREATE TABLE accounts (
    workspace_id   VARCHAR NOT NULL,
    account_id     VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,
    vertical       VARCHAR NOT NULL,
    region         VARCHAR,
    employees      BIGINT,
    annual_revenue DECIMAL(18,6),
    owner_rep_id   VARCHAR,
    created_at     TIMESTAMP,
    attributes     VARCHAR
);

CREATE TABLE stages (
    workspace_id VARCHAR NOT NULL,
    stage        VARCHAR NOT NULL,
    "order"      BIGINT  NOT NULL,
    probability  DOUBLE,
    attributes   VARCHAR
);

CREATE TABLE opportunities (
    workspace_id        VARCHAR       NOT NULL,
    opportunity_id      VARCHAR       NOT NULL,
    account_id          VARCHAR       NOT NULL,
    owner_rep_id        VARCHAR       NOT NULL,
    service_line        VARCHAR       NOT NULL,
    type                VARCHAR       NOT NULL,
    source              VARCHAR,
    amount              DECIMAL(18,6) NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    expected_close_date DATE,
    stage               VARCHAR       NOT NULL,
    status              VARCHAR       NOT NULL,
    closed_at           TIMESTAMP,
    lost_reason         VARCHAR,
    probability         DOUBLE,
    forecast_category   VARCHAR,
    attributes          VARCHAR
);

-- derived: recorded by an import comparing an export with the store (no history file), dated with the export's instant.
CREATE TABLE opportunity_history (
    workspace_id        VARCHAR       NOT NULL,
    opportunity_id      VARCHAR       NOT NULL,
    changed_at          TIMESTAMP     NOT NULL,
    stage               VARCHAR       NOT NULL,
    status              VARCHAR       NOT NULL,
    amount              DECIMAL(18,6) NOT NULL,
    expected_close_date DATE,
    forecast_category   VARCHAR,
    attributes          VARCHAR,
    derived             BOOLEAN       NOT NULL DEFAULT false
);

CREATE TABLE leads (
    workspace_id    VARCHAR   NOT NULL,
    lead_id         VARCHAR   NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    source          VARCHAR   NOT NULL,
    channel         VARCHAR,
    owner_rep_id    VARCHAR,
    account_id      VARCHAR,
    qualified_at    TIMESTAMP,
    disqualified_at TIMESTAMP,
    opportunity_id  VARCHAR,
    attributes      VARCHAR
);

CREATE TABLE activities (
    workspace_id     VARCHAR   NOT NULL,
    activity_id      VARCHAR   NOT NULL,
    rep_id           VARCHAR   NOT NULL,
    type             VARCHAR   NOT NULL,
    occurred_at      TIMESTAMP NOT NULL,
    account_id       VARCHAR,
    opportunity_id   VARCHAR,
    lead_id          VARCHAR,
    outcome          VARCHAR,
    duration_minutes BIGINT,
    attributes       VARCHAR
);

CREATE TABLE quotas (
    workspace_id VARCHAR       NOT NULL,
    rep_id       VARCHAR       NOT NULL,
    period       VARCHAR       NOT NULL,
    amount       DECIMAL(18,6) NOT NULL,
    metric       VARCHAR       NOT NULL,
    attributes   VARCHAR
);

CREATE TABLE revenue (
    workspace_id VARCHAR       NOT NULL,
    account_id   VARCHAR       NOT NULL,
    month        DATE          NOT NULL,
    service_line VARCHAR       NOT NULL,
    revenue      DECIMAL(18,6) NOT NULL,
    cogs         DECIMAL(18,6),
    attributes   VARCHAR
);

CREATE TABLE expenses (
    workspace_id VARCHAR       NOT NULL,
    month        DATE          NOT NULL,
    category     VARCHAR       NOT NULL,
    amount       DECIMAL(18,6) NOT NULL,
    team         VARCHAR,
    attributes   VARCHAR
);

CREATE TABLE engagement (
    workspace_id VARCHAR       NOT NULL,
    account_id   VARCHAR       NOT NULL,
    occurred_at  TIMESTAMP     NOT NULL,
    kind         VARCHAR       NOT NULL,
    value        DECIMAL(18,6),
    attributes   VARCHAR
);

CREATE TABLE plans (
    workspace_id VARCHAR       NOT NULL,
    pillar       VARCHAR       NOT NULL,
    metric       VARCHAR       NOT NULL,
    period       VARCHAR       NOT NULL,
    target       DECIMAL(18,6) NOT NULL,
    owner        VARCHAR       NOT NULL,
    slice        VARCHAR,
    attributes   VARCHAR
);

CREATE TABLE standards (
    workspace_id VARCHAR       NOT NULL,
    role         VARCHAR       NOT NULL,
    type         VARCHAR       NOT NULL,
    per          VARCHAR       NOT NULL,
    minimum      DECIMAL(18,6) NOT NULL,
    attributes   VARCHAR
);
