package dev.kitty.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EmbeddedMailServerIT {

    @Test
    void mailSentOverSmtpIsListedAndReadableOverImapWithTheAddressAsLoginAndPassword() throws Exception {
        try (var mail = EmbeddedMailServer.startTemporary()) {
            send(mail.smtpPort(), "ann@kitty.test", "You are invited", "Join the Smith household budget");

            assertThat(mail.awaitMessages(1, Duration.ofSeconds(5)))
                    .singleElement()
                    .satisfies(m -> assertThat(m.getSubject()).isEqualTo("You are invited"));

            var session = Session.getInstance(new Properties());
            try (var store = session.getStore("imap")) {
                store.connect("127.0.0.1", mail.imapPort(), "ann@kitty.test", "ann@kitty.test");
                try (Folder inbox = store.getFolder("INBOX")) {
                    inbox.open(Folder.READ_ONLY);
                    Message[] messages = inbox.getMessages();
                    assertThat(messages).hasSize(1);
                    assertThat(messages[0].getSubject()).isEqualTo("You are invited");
                    assertThat(((String) messages[0].getContent()).strip()).isEqualTo("Join the Smith household budget");
                }
            }
        }
    }

    @Test
    void awaitMessagesReturnsWhatArrivedWhenTheTimeoutPasses() throws Exception {
        try (var mail = EmbeddedMailServer.startTemporary()) {
            send(mail.smtpPort(), "bob@kitty.test", "only one", "text");

            assertThat(mail.awaitMessages(2, Duration.ofMillis(300))).hasSize(1);
        }
    }

    @Test
    void startsOnFixedPortsAndRefusesTakenOnes() throws Exception {
        int smtp = Ports.freePort();
        int imap = Ports.freePort();
        try (var mail = EmbeddedMailServer.start(smtp, imap)) {
            assertThat(mail.smtpPort()).isEqualTo(smtp);
            assertThat(mail.imapPort()).isEqualTo(imap);
            assertThatExceptionOfType(PortInUseException.class)
                    .isThrownBy(() -> EmbeddedMailServer.start(smtp, Ports.freePort()))
                    .withMessageContaining("SMTP");
        }
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatExceptionOfType(PortInUseException.class)
                    .isThrownBy(() -> EmbeddedMailServer.start(Ports.freePort(), taken.getLocalPort()))
                    .withMessageContaining("IMAP");
        }
    }

    private static void send(int smtpPort, String to, String subject, String text) throws Exception {
        var properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        var message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("no-reply@kitty.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText(text);
        Transport.send(message);
    }
}
