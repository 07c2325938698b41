package org.schooltrust.smp.event;

import java.util.List;
import java.util.regex.Pattern;
import org.schooltrust.smp.common.error.InvalidRequestException;
import org.schooltrust.smp.common.paging.Cursor;

/**
 * A place in the feed: the writing transaction's id and the event's sequence number, compared in that order (ADR
 * 0014). Encoded as an opaque cursor; a cursor this server could not have issued is a 400 before it reaches SQL.
 */
public record FeedPosition(String txId, long position) implements Comparable<FeedPosition> {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,20}");

    /** Before every event. */
    public static final FeedPosition START = new FeedPosition("0", 0);

    public static FeedPosition decode(String cursor) {
        if (cursor == null) {
            return START;
        }
        List<String> keys = Cursor.decode(cursor, 2);
        String tx = Cursor.shaped(keys.get(0), DIGITS);
        String position = Cursor.shaped(keys.get(1), DIGITS);
        try {
            new java.math.BigInteger(tx).longValueExact(); // an xid8 is 64 bits
            return new FeedPosition(tx, Long.parseLong(position));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidRequestException("The cursor is not one this server issued for this list.");
        }
    }

    public String encode() {
        return Cursor.encode(txId, Long.toString(position));
    }

    @Override
    public int compareTo(FeedPosition other) {
        int tx = new java.math.BigInteger(txId).compareTo(new java.math.BigInteger(other.txId));
        return tx != 0 ? tx : Long.compare(position, other.position);
    }
}
