package org.schooltrust.smp.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The feed read as one statement every audience's page is served by an index (issue 25, item 5).
 *
 * <p>What an audience may read is a set of (type, school) pairs. They are grouped into branches, each an ordered
 * index range read after the cursor with its own {@code LIMIT}, and the branches are merged in feed order: a type read
 * at any school is a range of {@code events_type_idx (type, tx_id, position)}; a few types at one school are ranges of
 * {@code events_school_type_idx (school_urn, type, tx_id, position)}; many types at one school walk that school's
 * {@code events_school_idx (school_urn, tx_id, position)}; many types at any school — the Trust-wide roles, where most
 * events match — walk the primary key. A narrow reader (the register, one MIS) never walks events it may not read, so
 * an empty cursor costs the same at ten times the events.
 */
record FeedQuery(String sql, List<Object> args) {

    /** Above this many types a branch walks the order index and filters, rather than one range per type. */
    static final int ANY_SCHOOL_RANGES = 8;

    static final int SCHOOL_RANGES = 8;

    /** Above this many branches, each school's types are read as one branch. */
    static final int MAX_BRANCHES = 64;

    /**
     * One index range: its condition, and the order of its index. A narrow range is bounded as a row comparison over
     * the whole index key with the type (and school) as a range, not an equality: the primary key then cannot produce
     * the branch's order, so PostgreSQL cannot choose to walk it and filter — which it otherwise does for a rare type
     * whose events all lie at the far end of the feed (its costing assumes them spread evenly), measured at 75,000
     * events: 15–18 ms instead of 0.2 ms. The ranges start exactly at the cursor.
     */
    private record Branch(String where, String order, List<Object> args) {}

    private static final String COLUMNS = "e.tx_id, e.position, e.id, e.type, e.occurred_at, e.school_urn, e.data";

    /**
     * Events after {@code after} that {@code audience} may read, restricted to the wire {@code types} and to the
     * {@code schools} unless null, at most {@code limit}, read below the oldest transaction still in flight. The first
     * column of every row is that horizon; a page with no event has one row whose other columns are null.
     */
    static FeedQuery of(FeedPosition after, Audience audience, Set<String> types, Set<String> schools, int limit) {
        return of(after, audience, types, schools, limit, false);
    }

    /** The same, selecting each event's webhook body too when {@code withPayload}. */
    static FeedQuery of(
            FeedPosition after,
            Audience audience,
            Set<String> types,
            Set<String> schools,
            int limit,
            boolean withPayload) {
        String columns = withPayload ? COLUMNS + ", e.payload" : COLUMNS;
        // wire type -> schools it may be read at (null: any school, and events of no school)
        Map<String, Set<String>> readable = new TreeMap<>();
        Set<String> anySchool = new TreeSet<>();
        for (Audience.Grant grant : audience.grants()) {
            for (String type : EventType.wireNames(grant.types())) {
                if (!types.contains(type) || anySchool.contains(type)) {
                    continue;
                }
                if (grant.schools() == null && schools == null) {
                    anySchool.add(type);
                    readable.remove(type);
                    continue;
                }
                Set<String> at = new TreeSet<>(grant.schools() == null ? schools : grant.schools());
                if (schools != null) {
                    at.retainAll(schools);
                }
                readable.computeIfAbsent(type, t -> new TreeSet<>()).addAll(at);
            }
        }
        // school -> the types read there
        Map<String, Set<String>> bySchool = new TreeMap<>();
        readable.forEach((type, at) -> at.forEach(
                school -> bySchool.computeIfAbsent(school, s -> new TreeSet<>()).add(type)));

        String tx = after.txId();
        long position = after.position();
        List<Branch> branches = new ArrayList<>();
        if (!anySchool.isEmpty()) {
            if (anySchool.size() <= ANY_SCHOOL_RANGES) {
                for (String type : anySchool) {
                    branches.add(new Branch(
                            "(e.type, e.tx_id, e.position) > (?, ?::xid8, ?) AND e.type <= ?",
                            "e.type, e.tx_id, e.position",
                            List.of(type, tx, position, type)));
                }
            } else {
                branches.add(new Branch(
                        "e.type = ANY(?) AND (e.tx_id, e.position) > (?::xid8, ?)",
                        "e.tx_id, e.position",
                        List.of(anySchool.toArray(String[]::new), tx, position)));
            }
        }
        int ranges = bySchool.values().stream()
                .mapToInt(t -> t.size() <= SCHOOL_RANGES ? t.size() : 1)
                .sum();
        boolean perType = branches.size() + ranges <= MAX_BRANCHES;
        bySchool.forEach((school, at) -> {
            if (perType && at.size() <= SCHOOL_RANGES) {
                for (String type : at) {
                    branches.add(new Branch(
                            "(e.school_urn, e.type, e.tx_id, e.position) > (?, ?, ?::xid8, ?)"
                                    + " AND e.school_urn = ? AND e.type <= ?",
                            "e.school_urn, e.type, e.tx_id, e.position",
                            List.of(school, type, tx, position, school, type)));
                }
            } else {
                branches.add(new Branch(
                        "(e.school_urn, e.tx_id, e.position) > (?, ?::xid8, ?) AND e.school_urn <= ?"
                                + " AND e.type = ANY(?)",
                        "e.school_urn, e.tx_id, e.position",
                        List.of(school, tx, position, school, at.toArray(String[]::new))));
            }
        });

        List<Object> args = new ArrayList<>();
        StringBuilder union = new StringBuilder();
        if (branches.isEmpty()) {
            union.append("SELECT ").append(columns).append(" FROM events e WHERE false");
        }
        for (int i = 0; i < branches.size(); i++) {
            Branch branch = branches.get(i);
            union.append(i == 0 ? "" : " UNION ALL ")
                    .append("(SELECT ")
                    .append(columns)
                    .append(" FROM events e WHERE ")
                    .append(branch.where())
                    .append(" AND e.tx_id < snap.xmin ORDER BY ")
                    .append(branch.order())
                    .append(" LIMIT ?)");
            args.addAll(branch.args());
            args.add(limit);
        }
        args.add(limit);
        // one statement, so the page and the horizon it was read below come from the same snapshot
        String sql = "WITH snap AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)"
                + " SELECT (snap.xmin::text::numeric - 1)::text, page.* FROM snap LEFT JOIN LATERAL ("
                + " SELECT u.tx_id::text AS tx_text, u.position, u.id, u.type, u.occurred_at, u.school_urn,"
                + " u.data::text AS data_text" + (withPayload ? ", u.payload" : "") + " FROM (" + union + ") u"
                + " ORDER BY u.tx_id, u.position LIMIT ?) page ON true";
        return new FeedQuery(sql, List.copyOf(args));
    }
}
