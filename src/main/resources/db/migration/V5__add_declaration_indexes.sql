-- The declarant's own list and the departure checks look declarations up by adult.
CREATE INDEX family_declarations_adult_idx ON family_declarations (adult_id, created_at);
-- The Head's list: a school's declarations oldest first.
CREATE INDEX family_declarations_school_created_idx ON family_declarations (school_urn, created_at, id);
