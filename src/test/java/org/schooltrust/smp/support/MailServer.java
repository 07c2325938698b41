package org.schooltrust.smp.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A real SMTP server (GreenMail) on the port the test application sends to, one for the test run: {@link #start}
 * hands it out empty, {@link #close} empties it. {@link #down} makes sending fail, {@link #up} brings GreenMail back.
 *
 * <p>"Down" is a mail server that answers every connection with {@code 421 Service not available} and closes it, as an
 * overloaded or closing SMTP server does, rather than a closed port. (Sends that hung until the timeout now and then
 * were not caused by either: the Vert.x mail client dropped a greeting that arrived before its read handler was set
 * when a send started off the event loop; {@code ReminderMailer} starts sends on the event loop.)
 */
public final class MailServer implements AutoCloseable {

    private static MailServer shared;

    private final int port;
    private GreenMail greenMail;
    private Refuser refuser;

    private MailServer(int port) {
        this.port = port;
    }

    /** The run's server on the application's SMTP port, started if need be, with no messages. */
    public static synchronized MailServer start() {
        if (shared == null) {
            shared = new MailServer(ConfigProvider.getConfig().getValue("smp.mail.port", Integer.class));
        }
        if (shared.greenMail == null) {
            shared.up(); // the mailer keeps no connection between sends in tests: none can point at a stopped server
        }
        shared.purge();
        return shared;
    }

    /** Stops the run's server if a test started it, so the next sends fail. */
    public static synchronized void stopShared() {
        if (shared == null) {
            shared = new MailServer(ConfigProvider.getConfig().getValue("smp.mail.port", Integer.class));
        }
        shared.down();
    }

    private void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    public void up() {
        if (refuser != null) {
            refuser.close();
            refuser = null;
        }
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** Stops GreenMail: the application's next sends fail as against a mail server out of service (421). */
    public void down() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
        if (refuser == null) {
            refuser = new Refuser(port);
        }
    }

    /** An SMTP server out of service: greets every connection with 421 and closes it (RFC 5321, 3.8). */
    private static final class Refuser implements AutoCloseable {

        private final java.net.ServerSocket socket;
        private final Thread acceptor;

        Refuser(int port) {
            try {
                socket = new java.net.ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            acceptor = new Thread(this::serve, "smtp-refuser");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (java.net.Socket client = socket.accept()) {
                    client.getOutputStream()
                            .write("421 4.3.2 Service not available, closing transmission channel\r\n"
                                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                } catch (java.io.IOException e) {
                    // closed while accepting, or the client went away: either way nothing to answer
                }
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
                acceptor.join(5000);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** Messages received for one address. */
    public List<MimeMessage> to(String address) {
        return received().stream()
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** Subject and every text part, decoded, for assertions on what a message carries. */
    public static String text(MimeMessage message) {
        try {
            return message.getSubject() + "\n" + parts(message.getContent());
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String parts(Object content) throws jakarta.mail.MessagingException, java.io.IOException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(parts(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    /** The raw message, headers included. */
    public static String raw(MimeMessage message) {
        return GreenMailUtil.getWholeMessage(message);
    }

    /** Empties the server; it keeps running for the next test. */
    @Override
    public void close() {
        if (greenMail != null) {
            purge();
        }
    }
}
