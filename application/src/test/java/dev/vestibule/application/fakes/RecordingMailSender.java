package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.port.out.MailSender;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/** A {@link MailSender} that keeps what it was given, or fails while told to (a mail server that is down). */
public final class RecordingMailSender implements MailSender {

    private final List<Mail> sent = new ArrayList<>();
    private int attempts;
    private volatile boolean down;

    @Override
    public Mono<Void> send(Mail mail) {
        return Mono.defer(() -> {
            synchronized (this) {
                attempts++;
                if (down) {
                    return Mono.error(new IllegalStateException("mail server unavailable (test)"));
                }
                sent.add(mail);
            }
            return Mono.empty();
        });
    }

    /** From now on every send fails ({@code true}) or succeeds again ({@code false}). */
    public void down(boolean down) {
        this.down = down;
    }

    public synchronized List<Mail> sent() {
        return List.copyOf(sent);
    }

    /** Sends tried, failed ones included. */
    public synchronized int attempts() {
        return attempts;
    }
}
