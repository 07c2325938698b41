package org.schooltrust.smp.common.outbox;

/**
 * The one outbox mechanism (ADR 0016, 0027; issue 22): a table of rows each due at {@code next_attempt_at}, claimed
 * by any replica under a lease ({@code lease_id}, {@code lease_until}) with {@code FOR UPDATE SKIP LOCKED} so no two
 * replicas hold one row, each claim counting an attempt, and settled fenced by the lease — a claim whose lease ended,
 * or a row queued again meanwhile, changes nothing. Webhook deliveries and reminder emails are two such tables; their
 * stores write their statements through this, and their senders decide what a failure means (the retry schedule).
 *
 * @param table the table
 * @param status its status column; a row is due while it is {@code PENDING}
 * @param onlyWhen a join that narrows which due rows may be claimed (e.g. only enabled endpoints' deliveries), or ""
 */
public record Outbox(String table, String status, String onlyWhen) {

    /**
     * The claim: up to {@code ?} due rows, oldest due first, leased and counted. Parameters in order: lease until, lease
     * id, then {@code alsoSet}'s, then now, now, the limit. Columns of the claimed rows as {@code returning} names them
     * (alias {@code x}).
     */
    public String claim(String alsoSet, String returning) {
        return "UPDATE " + table + " x SET lease_until = ?, lease_id = ?, attempts = x.attempts + 1"
                + (alsoSet.isEmpty() ? "" : ", " + alsoSet)
                + " WHERE x.id IN (SELECT q.id FROM " + table + " q" + (onlyWhen.isEmpty() ? "" : " " + onlyWhen)
                + " WHERE q." + status + " = 'PENDING' AND q.next_attempt_at <= ?"
                + " AND (q.lease_until IS NULL OR q.lease_until <= ?)"
                + " ORDER BY q.next_attempt_at LIMIT ? FOR UPDATE OF q SKIP LOCKED)"
                + " RETURNING " + returning;
    }

    /**
     * The settlement of one claimed row, fenced by its lease: {@code set}'s parameters, then the row's id and lease id.
     * The lease is released.
     */
    public String settle(String set) {
        return "UPDATE " + table + " SET " + set
                + ", lease_id = NULL, lease_until = NULL WHERE id = ? AND lease_id = ?";
    }
}
