package org.schooltrust.smp.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct reads of the test database, to prove what a request did or did not change. */
public final class Db {

    private Db() {}

    /** A connection as the schema's owner (the migrations' role): what a database administrator could do. */
    public static Connection owner() throws SQLException {
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class);
        return java.sql.DriverManager.getConnection(url, "postgres", "postgres");
    }

    public static long count(String sql, Object... args) {
        return Long.parseLong(first(sql, args));
    }

    /** The first column of the first row, as text; null when there is no row. */
    public static String first(String sql, Object... args) {
        AgroalDataSource dataSource =
                Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, as text. */
    public static java.util.List<String> list(String sql, Object... args) {
        AgroalDataSource dataSource =
                Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            java.util.List<String> rows = new java.util.ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fingerprint of the staff register and audit trail: equal before and after means nothing was written. */
    public static String staffSnapshot() {
        return count("SELECT count(*) FROM adults") + "/"
                + count("SELECT coalesce(sum(version), 0) FROM adults") + "/"
                + count("SELECT count(*) FROM adult_assignments") + "/"
                + count("SELECT count(*) FROM audit_events");
    }
}
