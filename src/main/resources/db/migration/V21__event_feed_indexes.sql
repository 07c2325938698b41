-- The feed is read as a merge of ordered index ranges, one per (type) or (school, type) an audience may read
-- (FeedQuery, issue 25): a narrow reader such as the register or one school's MIS never walks events it may not read.
CREATE INDEX events_type_idx ON events (type, tx_id, position);
CREATE INDEX events_school_type_idx ON events (school_urn, type, tx_id, position);
