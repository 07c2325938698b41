package org.schooltrust.smp.concern;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Concerns;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Evidence I/O bounded across requests (issue 23): downloads stream from PostgreSQL a slice at a time, so 30 slow
 * readers of one 10 MB file do not hold 30 copies in the heap; uploads in progress are bounded per replica.
 */
@ApiTest
class EvidenceStreamingTest {

    private static final int SIZE = 10 * 1024 * 1024;
    private static final int READERS = 30;

    @Inject
    AgroalDataSource dataSource;

    private static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    private static long heapUsed() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void thirtySlowReadersOfATenMegabyteFileDoNotHoldItInTheHeap() throws Exception {
        String school = TestData.newSchool();
        String reporter = TestData.hrAdultAt(school);
        String token = Tokens.staff(reporter, school);
        String concern = Concerns.raise(token, Concerns.body(school, "CYBERBULLYING"));
        // a 10 MB file written as the service stores one (setup only: the upload path has its own tests)
        byte[] file = new byte[SIZE];
        System.arraycopy(EvidenceTypeTest.PNG, 0, file, 0, EvidenceTypeTest.PNG.length);
        UUID evidence = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO concern_evidence (id, concern_id,"
                        + " media_type, file_name, size_bytes, sha256, content, uploaded_by, uploaded_at)"
                        + " SELECT ?, ?::uuid, 'image/png', 'big.png', ?, repeat('0', 64), ?, reporter_adult_id, now()"
                        + " FROM concerns WHERE id = ?::uuid")) {
            insert.setObject(1, evidence);
            insert.setString(2, concern);
            insert.setInt(3, SIZE);
            insert.setBytes(4, file);
            insert.setString(5, concern);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        file = null;
        long before = heapUsed();

        CountDownLatch started = new CountDownLatch(READERS);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        List<Future<Long>> reads = new ArrayList<>();
        try {
            for (int i = 0; i < READERS; i++) {
                reads.add(pool.submit(() -> {
                    HttpURLConnection http = (HttpURLConnection) URI.create("http://localhost:" + port()
                                    + "/api/v1/me/concerns/" + concern + "/evidence/" + evidence)
                            .toURL()
                            .openConnection();
                    http.setRequestProperty("Authorization", "Bearer " + token);
                    try (InputStream in = http.getInputStream()) {
                        byte[] buffer = new byte[64 * 1024];
                        long total = in.readNBytes(buffer, 0, buffer.length);
                        started.countDown();
                        finish.await(60, TimeUnit.SECONDS); // a slow reader: holds its connection open
                        int n;
                        while ((n = in.read(buffer)) > 0) {
                            total += n;
                        }
                        return total;
                    }
                }));
            }
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            long during = heapUsed();
            finish.countDown();
            for (Future<Long> read : reads) {
                assertThat(read.get(120, TimeUnit.SECONDS)).isEqualTo(SIZE);
            }
            assertThat(during - before)
                    .as("heap held by 30 open downloads of a 10 MB file (30 whole copies would be 300 MB)")
                    .isLessThan(100L * 1024 * 1024);
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE action = 'concern.evidence-read' AND target_id = ?",
                        evidence.toString()))
                .isPositive();
    }

    @Test
    void uploadsInProgressAreBoundedAndTheirSlotsComeBack() throws Exception {
        String school = TestData.newSchool();
        String reporter = TestData.hrAdultAt(school);
        String token = Tokens.staff(reporter, school);
        String concern = Concerns.raise(token, Concerns.body(school, "CYBERBULLYING"));
        String head = "POST /api/v1/me/concerns/" + concern + "/evidence HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
                + "Content-Length: 1000000\r\n\r\n--XyZ\r\n";
        int slots = ConfigProvider.getConfig().getValue("smp.http.max-concurrent-uploads", Integer.class);
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < slots; i++) {
                Socket socket = new Socket("localhost", port());
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.US_ASCII)); // the body never completes
                out.flush();
                stalled.add(socket);
            }
            // every slot taken: one more upload is refused at once, before its body is read (polled: the stalled
            // requests reach the server asynchronously)
            String answer = probe(token, concern, true);
            assertThat(answer)
                    .contains(" 503 ")
                    .contains("application/problem+json")
                    .contains("Retry-After");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        // the closed connections gave their slots back: the same small (malformed) upload is read, and refused as 400
        assertThat(probe(token, concern, false)).contains(" 400 ");
    }

    /** Sends a complete, small, malformed upload until it is (busy) or is not (!busy) refused with 503. */
    private static String probe(String token, String concern, boolean busy) throws Exception {
        String request = "POST /api/v1/me/concerns/" + concern + "/evidence HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
                + "Content-Length: 7\r\nConnection: close\r\n\r\ngarbage";
        String answer = "";
        for (int attempt = 0; attempt < 200; attempt++) {
            answer = send(request);
            if (answer.contains(" 503 ") == busy) {
                return answer;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(25));
        }
        return answer;
    }

    private static String send(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] buffer = new byte[8192];
            int n = socket.getInputStream().read(buffer);
            return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.US_ASCII);
        }
    }
}
