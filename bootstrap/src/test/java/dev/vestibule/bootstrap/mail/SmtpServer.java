package dev.vestibule.bootstrap.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * GreenMail's SMTP server on a port of its own (127.0.0.1 only) that a test may stop and start again on the same
 * port: a mail-server outage. Each start begins with an empty mailbox. Public for the suites whose journeys mail
 * (account deletion, email change).
 */
public final class SmtpServer implements AutoCloseable {

    private final int port = freePort();
    private GreenMail server;

    public static SmtpServer start() {
        SmtpServer smtp = new SmtpServer();
        smtp.startAgain();
        return smtp;
    }

    public int port() {
        return port;
    }

    public synchronized void startAgain() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public synchronized void stop() {
        server.stop();
    }

    public synchronized MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    /** The settings that point an instance at this server. */
    public String[] springArguments() {
        return new String[] {"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port};
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
        }
    }

    /** The MIME types of the message's leaf parts, e.g. text/plain and text/html. */
    public static List<String> partTypes(Part part) throws Exception {
        List<String> types = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                types.addAll(partTypes(multipart.getBodyPart(i)));
            }
        } else {
            types.add(part.getContentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT));
        }
        return types;
    }

    /** The text of the first leaf part of that type. */
    public static String partText(Part part, String type) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = partText(body, type);
                if (text != null) {
                    return text;
                }
            }
            return null;
        }
        return part.isMimeType(type) ? (String) part.getContent() : null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
