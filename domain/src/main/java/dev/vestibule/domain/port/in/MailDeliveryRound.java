package dev.vestibule.domain.port.in;

import java.time.Duration;
import java.util.Objects;

/** What one round of mail delivery did. */
public sealed interface MailDeliveryRound {

    /**
     * The round ran.
     *
     * @param sent          mails handed to the mail server
     * @param retried       mails whose delivery failed and that will be tried again
     * @param gaveUp        mails given up (failed too often, too long, or their link expired)
     * @param queued        mails waiting in the outbox after the round
     * @param oldestWaiting how long the oldest of them has waited; zero when none
     */
    record Completed(int sent, int retried, int gaveUp, long queued, Duration oldestWaiting)
            implements MailDeliveryRound {

        public Completed {
            Objects.requireNonNull(oldestWaiting, "oldestWaiting");
        }
    }

    /** The outbox could not be read or written; nothing was marked, and the next round tries again. */
    record OutboxUnavailable(String reason) implements MailDeliveryRound {

        public OutboxUnavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
