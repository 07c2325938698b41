package org.schooltrust.smp.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points the test application's SMTP client at a free local port. The tests that read mail start a real SMTP server
 * there ({@link MailServer}); elsewhere nothing listens, which is what a mail server that is down looks like.
 */
public class MailPortResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Map.of("smp.mail.host", "127.0.0.1", "smp.mail.port", Integer.toString(socket.getLocalPort()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // nothing to stop
    }
}
