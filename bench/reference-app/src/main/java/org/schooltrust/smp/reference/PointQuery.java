package org.schooltrust.smp.reference;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The stack's floor: one JDBC point query on the app's own {@code schools} table, with and without a verified token,
 * and a verified token with no query.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PointQuery {

    @Inject
    AgroalDataSource db;

    @GET
    @Path("open/schools/{urn}")
    public String open(@PathParam("urn") String urn) throws SQLException {
        return school(urn);
    }

    @GET
    @Authenticated
    @Path("token/schools/{urn}")
    public String withToken(@PathParam("urn") String urn) throws SQLException {
        return school(urn);
    }

    @GET
    @Authenticated
    @Path("token")
    public String tokenOnly() {
        return "{}";
    }

    private String school(String urn) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT urn, name, status FROM schools WHERE urn = ?")) {
            s.setString(1, urn);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException();
                }
                return "{\"urn\":\"" + rs.getString(1) + "\",\"name\":\"" + rs.getString(2).replace("\"", "")
                        + "\",\"status\":\"" + rs.getString(3) + "\"}";
            }
        }
    }
}
