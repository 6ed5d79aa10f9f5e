-- engagement.csv rows are events: two identical rows are two events, never a duplicate key. A row may carry the
-- source system's event_id, which is then its upsert key; a row without one is matched by every value and its
-- occurrence, its place among the identical rows of its import (the n-th of a set of identical rows is the same event
-- as the n-th identical row of a later export). Rows stored before were unique by account, instant and kind, so each
-- is the first of its kind.
ALTER TABLE engagement ADD COLUMN event_id VARCHAR;
ALTER TABLE engagement ADD COLUMN occurrence BIGINT;
UPDATE engagement SET occurrence = 1;
