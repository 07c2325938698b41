package org.schooltrust.smp.common.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way to run set-based SQL (ADR 0012): a statement, its arguments in order, and a row mapper. It binds
 * Java values the one way ({@code String[]} → {@code text[]}, {@code UUID[]} → {@code uuid[]}, {@link Instant} →
 * {@code timestamptz}, {@link LocalDate} → {@code date}, an enum → its name), runs on the connection of the caller's
 * transaction when there is one, and wraps a {@link SQLException} (kept as the cause, so {@code ErrorTable} still sees
 * its SQLSTATE) with a message that names the purpose, never a value. Only a feature's {@code XStore}/{@code XQueries}
 * call it (ADR 0012, guarded by {@code ConventionsTest}); the first features' aggregates are Panache entities.
 */
@ApplicationScoped
public class Sql {

    /** Maps the current row of a result. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    @Inject
    AgroalDataSource dataSource;

    /** Every row, mapped. */
    public <T> List<T> list(String purpose, String sql, RowMapper<T> mapper, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            bind(c, statement, args);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                Row row = new Row(rs);
                while (rs.next()) {
                    rows.add(mapper.map(row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not " + purpose, e);
        }
    }

    /** The first row, mapped, if any. */
    public <T> Optional<T> first(String purpose, String sql, RowMapper<T> mapper, Object... args) {
        return list(purpose, sql, mapper, args).stream().findFirst();
    }

    /** Bytes read per statement by {@link #copySlices}: what one streamed file holds in the heap. */
    public static final int SLICE = 256 * 1024;

    /**
     * Writes a {@code bytea} value of {@code size} bytes to {@code out} a slice at a time — {@code sliceQuery} selects
     * {@code substring(column FROM ? FOR ?)} of one row whose key is its third parameter — each slice its own
     * statement on a connection held only for it: a slow reader holds neither the whole value in the heap nor a
     * connection. Store such a column uncompressed ({@code SET STORAGE EXTERNAL}) so a slice reads only its pages.
     */
    public void copySlices(String purpose, String sliceQuery, Object key, long size, java.io.OutputStream out)
            throws java.io.IOException {
        for (long offset = 0; offset < size; offset += SLICE) {
            // bytea positions are int in PostgreSQL: a stored value is at most 1 GB
            byte[] slice = first(purpose, sliceQuery, r -> r.bytes(1), Math.toIntExact(offset + 1), SLICE, key)
                    .orElseThrow(() -> new java.io.IOException("The stored value is no longer there."));
            out.write(slice);
            out.flush();
        }
    }

    /** An INSERT, UPDATE or DELETE; the number of rows it changed. */
    public int update(String purpose, String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            bind(c, statement, args);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not " + purpose, e);
        }
    }

    /** One statement for many rows, as a JDBC batch (multi-row INSERTs with {@code reWriteBatchedInserts}). */
    public void batch(String purpose, String sql, Collection<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (Object[] args : rows) {
                bind(c, statement, args);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not " + purpose, e);
        }
    }

    private static void bind(Connection c, PreparedStatement statement, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            int index = i + 1;
            if (arg instanceof String[] strings) {
                statement.setArray(index, c.createArrayOf("text", strings));
            } else if (arg instanceof UUID[] ids) {
                statement.setArray(index, c.createArrayOf("uuid", ids));
            } else if (arg instanceof Instant instant) {
                statement.setTimestamp(index, Timestamp.from(instant));
            } else if (arg instanceof LocalDate date) {
                statement.setDate(index, Date.valueOf(date));
            } else if (arg instanceof Stream stream) {
                statement.setBinaryStream(index, stream.in(), stream.length());
            } else if (arg instanceof Enum<?> constant) {
                statement.setString(index, constant.name());
            } else {
                statement.setObject(index, arg);
            }
        }
    }

    /** Bytes to bind as a streamed parameter (a {@code bytea} column), read from {@code in} as the row is sent. */
    public record Stream(java.io.InputStream in, long length) {}

    /** The current row, read by column index with the types this codebase uses. */
    public static final class Row {
        private final ResultSet rs;

        Row(ResultSet rs) {
            this.rs = rs;
        }

        public String string(int column) throws SQLException {
            return rs.getString(column);
        }

        public long longValue(int column) throws SQLException {
            return rs.getLong(column);
        }

        public int intValue(int column) throws SQLException {
            return rs.getInt(column);
        }

        /** A bigint column that may be null. */
        public Long nullableLong(int column) throws SQLException {
            long value = rs.getLong(column);
            return rs.wasNull() ? null : value;
        }

        /** An integer column that may be null. */
        public Integer integer(int column) throws SQLException {
            int value = rs.getInt(column);
            return rs.wasNull() ? null : value;
        }

        public boolean bool(int column) throws SQLException {
            return rs.getBoolean(column);
        }

        public UUID uuid(int column) throws SQLException {
            return rs.getObject(column, UUID.class);
        }

        public Instant instant(int column) throws SQLException {
            Timestamp at = rs.getTimestamp(column);
            return at == null ? null : at.toInstant();
        }

        public LocalDate date(int column) throws SQLException {
            Date day = rs.getDate(column);
            return day == null ? null : day.toLocalDate();
        }

        public <E extends Enum<E>> E enumValue(int column, Class<E> type) throws SQLException {
            String name = rs.getString(column);
            return name == null ? null : Enum.valueOf(type, name);
        }

        public byte[] bytes(int column) throws SQLException {
            return rs.getBytes(column);
        }

        /** A {@code uuid[]} column; empty when null. */
        public List<UUID> uuids(int column) throws SQLException {
            java.sql.Array array = rs.getArray(column);
            return array == null ? List.of() : List.of((UUID[]) array.getArray());
        }

        public List<String> strings(int column) throws SQLException {
            java.sql.Array array = rs.getArray(column);
            return array == null ? List.of() : List.of((String[]) array.getArray());
        }
    }
}
