-- The company's reporting currency (ISO 4217), how its money is written for people; amounts are never converted.
-- DuckDB cannot add a NOT NULL column: the store reads a null as the default, USD.
ALTER TABLE workspaces ADD COLUMN currency VARCHAR DEFAULT 'USD';
