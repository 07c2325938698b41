package org.schooltrust.smp.concern;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
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
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Concerns;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Evidence I/O bounded across requests (issue 23): downloads stream from PostgreSQL a slice at a time, so 30 slow
 * readers of one 10 MB file do not hold 30 copies in the heap.
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
}
