package dev.vestibule.application.mail;

import dev.vestibule.domain.model.mail.EmailConfirmationLink;
import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.PasswordResetLink;
import dev.vestibule.domain.port.in.DeliverQueuedMail;
import dev.vestibule.domain.port.in.MailDeliveryRound;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.MailSender;
import dev.vestibule.domain.port.out.QueuedMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Claims a batch of due mails, sends each, and records the outcome: delivered, tried again after a doubling
 * delay, or given up once it failed {@code maxAttempts} times, is older than {@code maxAge}, or its link has
 * expired (a dead link is worse than none). The claim's lease keeps two instances from sending one mail at
 * once; a mail sent but not recorded (the database went away in between) is sent again after its lease, so a
 * crash can repeat a mail but never lose one.
 */
public final class DeliverQueuedMailService implements DeliverQueuedMail {

    /** last_error is for operators, not a log: the failure's type and the start of its message. */
    static final int MAX_ERROR_LENGTH = 200;

    private final MailOutbox outbox;
    private final MailSender sender;
    private final MailDeliverySettings settings;
    private final Clock clock;

    public DeliverQueuedMailService(MailOutbox outbox, MailSender sender, MailDeliverySettings settings, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private enum Outcome {
        SENT,
        RETRIED,
        GAVE_UP,
        UNRECORDED
    }

    @Override
    public Mono<MailDeliveryRound> deliver() {
        return Mono.defer(() -> outbox.claimDue(clock.instant(), settings.batchSize(), settings.lease())
                        .flatMap(this::deliver, settings.concurrency())
                        .collectList()
                        .flatMap(outcomes -> outbox.stats()
                                .map(stats -> (MailDeliveryRound) new MailDeliveryRound.Completed(
                                        count(outcomes, Outcome.SENT),
                                        count(outcomes, Outcome.RETRIED),
                                        count(outcomes, Outcome.GAVE_UP),
                                        stats.queued(),
                                        stats.oldestWaiting(clock.instant())))))
                .onErrorResume(failure -> Mono.just(new MailDeliveryRound.OutboxUnavailable(describe(failure))));
    }

    private Mono<Outcome> deliver(QueuedMail queued) {
        return Mono.defer(() -> {
                    String expired = expired(queued, clock.instant());
                    if (expired != null) {
                        return outbox.gaveUp(queued.id(), expired).thenReturn(Outcome.GAVE_UP);
                    }
                    // The send's own failure is a result; a failure to record the outcome is not retried here.
                    return sender.send(queued.mail())
                            .then(Mono.just(Optional.<Throwable>empty()))
                            .onErrorResume(failure -> Mono.just(Optional.of(failure)))
                            .flatMap(failure -> record(queued, failure.orElse(null)));
                })
                .onErrorReturn(Outcome.UNRECORDED);
    }

    private Mono<Outcome> record(QueuedMail queued, Throwable failure) {
        Instant now = clock.instant();
        if (failure == null) {
            return outbox.delivered(queued.id(), now).thenReturn(Outcome.SENT);
        }
        String error = describe(failure);
        if (queued.attempts() >= settings.maxAttempts()) {
            return outbox.gaveUp(queued.id(), "gave up after " + queued.attempts() + " attempts: " + error)
                    .thenReturn(Outcome.GAVE_UP);
        }
        Instant retryAt = now.plus(settings.retryAfter(queued.attempts()));
        String expiredBeforeRetry = expired(queued, retryAt);
        if (expiredBeforeRetry != null) {
            return outbox.gaveUp(queued.id(), cut(expiredBeforeRetry + "; last failure: " + error))
                    .thenReturn(Outcome.GAVE_UP);
        }
        return outbox.failed(queued.id(), retryAt, error).thenReturn(Outcome.RETRIED);
    }

    /** Why a mail is no longer worth sending at {@code when}, or null. */
    private String expired(QueuedMail queued, Instant when) {
        if (!when.isBefore(queued.queuedAt().plus(settings.maxAge()))) {
            return "gave up: older than " + settings.maxAge();
        }
        Duration validFor = validFor(queued.mail());
        if (validFor != null && !when.isBefore(queued.queuedAt().plus(validFor))) {
            return "gave up: the link expired";
        }
        return null;
    }

    private static Duration validFor(Mail mail) {
        if (mail instanceof PasswordResetLink reset) {
            return reset.validFor();
        }
        if (mail instanceof EmailConfirmationLink confirmation) {
            return confirmation.validFor();
        }
        return null;
    }

    private static int count(List<Outcome> outcomes, Outcome wanted) {
        return (int) outcomes.stream().filter(wanted::equals).count();
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String firstLine = message == null ? "" : message.lines().findFirst().orElse("");
        return cut(failure.getClass().getSimpleName() + (firstLine.isEmpty() ? "" : ": " + firstLine));
    }

    private static String cut(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
