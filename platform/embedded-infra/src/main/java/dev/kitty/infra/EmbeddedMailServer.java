package dev.kitty.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GreenMail serving SMTP and IMAP on 127.0.0.1: it accepts mail for any recipient and keeps it
 * in memory. A recipient's mailbox is created on first delivery, with login = password = the
 * address, so a person can read their mail with any IMAP client.
 */
public final class EmbeddedMailServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final GreenMail greenMail;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /**
     * Starts SMTP and IMAP on the given ports.
     *
     * @throws PortInUseException when either port is taken
     */
    public static EmbeddedMailServer start(int smtpPort, int imapPort) {
        Ports.requireFree("SMTP", smtpPort);
        Ports.requireFree("IMAP", imapPort);
        return start(setup(smtpPort, ServerSetup.PROTOCOL_SMTP), setup(imapPort, ServerSetup.PROTOCOL_IMAP));
    }

    /** Starts SMTP and IMAP on free ports. */
    public static EmbeddedMailServer startTemporary() {
        // GreenMail binds port 0 itself: no window in which another process could take the port
        return start(setup(0, ServerSetup.PROTOCOL_SMTP).dynamicPort(), setup(0, ServerSetup.PROTOCOL_IMAP).dynamicPort());
    }

    private static ServerSetup setup(int port, String protocol) {
        return new ServerSetup(port, Ports.LOOPBACK_HOST, protocol);
    }

    private static EmbeddedMailServer start(ServerSetup... setups) {
        long started = System.nanoTime();
        var greenMail = new GreenMail(setups);
        greenMail.start();
        var server = new EmbeddedMailServer(greenMail);
        log.info("Mail ready in {} ms: SMTP {}:{}, IMAP {}:{}", (System.nanoTime() - started) / 1_000_000,
                Ports.LOOPBACK_HOST, server.smtpPort(), Ports.LOOPBACK_HOST, server.imapPort());
        return server;
    }

    /** The SMTP port on 127.0.0.1 (no authentication, no TLS). */
    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** The IMAP port on 127.0.0.1 (login = password = the recipient's address). */
    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Every message received so far, oldest first; one per recipient. */
    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /**
     * Waits up to {@code timeout} until {@code count} messages have arrived in total (one per
     * recipient), then returns all received messages: fewer than {@code count} when it timed out.
     */
    public List<MimeMessage> awaitMessages(int count, Duration timeout) {
        greenMail.waitForIncomingEmail(timeout.toMillis(), count);
        return receivedMessages();
    }

    /** Stops both servers; the messages are gone. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            greenMail.stop();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedMailServer[smtp=" + smtpPort() + ", imap=" + imapPort() + "]";
    }
}
