-- Issue 23: evidence is streamed to the client a slice at a time (Sql.copySlices). Stored uncompressed and out of
-- line (EXTERNAL), substring() reads only the slice's own TOAST chunks instead of decompressing the whole file; PNG,
-- JPEG and PDF hardly compress anyway. Applies to rows written from now on.
ALTER TABLE concern_evidence ALTER COLUMN content SET STORAGE EXTERNAL;
