package dev.kitty.system.budget;

import dev.kitty.devstack.RunningStack;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A recipient's inbox on the stack's mail server, read over IMAP as a mail client would (login = password = address). */
final class MailInbox {

    private final RunningStack stack;

    MailInbox(RunningStack stack) {
        this.stack = stack;
    }

    /** Subject and plain text of every mail to {@code address} that mentions {@code text}; empty while the inbox cannot be read. */
    List<String> mailsMentioning(String address, String text) {
        var found = new ArrayList<String>();
        try {
            var store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", stack.imapPort(), address, address);
            try {
                var inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                    var content = message.getSubject() + "\n" + plainText(message);
                    if (content.contains(text)) {
                        found.add(content);
                    }
                }
            } finally {
                store.close();
            }
        } catch (Exception notYet) {
            return List.of();
        }
        return found;
    }

    private static String plainText(Part part) throws Exception {
        var content = part.getContent();
        if (content instanceof String text && part.isMimeType("text/plain")) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            var text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(plainText(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return "";
    }
}
