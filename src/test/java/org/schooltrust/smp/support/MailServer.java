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
 * hands it out empty, {@link #close} empties it. {@link #down} stops it to make sending fail, {@link #up} restarts it.
 */
public final class MailServer implements AutoCloseable {

    private static MailServer shared;

    private final int port;
    private GreenMail greenMail;

    private MailServer(int port) {
        this.port = port;
    }

    /** The run's server on the application's SMTP port, started if need be, with no messages. */
    public static synchronized MailServer start() {
        if (shared == null) {
            shared = new MailServer(ConfigProvider.getConfig().getValue("smp.mail.port", Integer.class));
        }
        if (shared.greenMail == null) {
            shared.up();
            try {
                Thread.sleep(1500); // past the mailer's keep-alive in tests: no pooled connection to a stopped server
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        shared.purge();
        return shared;
    }

    /** Stops the run's server if a test started it, so the next sends fail. */
    public static synchronized void stopShared() {
        if (shared != null && shared.greenMail != null) {
            shared.down();
        }
    }

    private void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    public void up() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** Stops listening: the application's next sends fail as against a mail server that is down. */
    public void down() {
        greenMail.stop();
        greenMail = null;
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
