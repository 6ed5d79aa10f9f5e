-- opportunities.csv's optional contract columns, stored as written: the term a won deal of a recurring service runs
-- for. contract_end, when given, decides when its renewal falls due; otherwise term_months counted from contract_start
-- (or from the day the deal closed). Deals stored before have none of them: their renewal calendar is learned.
ALTER TABLE opportunities ADD COLUMN contract_start DATE;
ALTER TABLE opportunities ADD COLUMN contract_end DATE;
ALTER TABLE opportunities ADD COLUMN term_months BIGINT;
