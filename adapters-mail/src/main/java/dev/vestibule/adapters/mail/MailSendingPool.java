package dev.vestibule.adapters.mail;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The threads SMTP conversations block: a bounded pool of the adapter's own, so a slow mail server holds these
 * threads and no others. Not a {@link Scheduler} bean, so that it can never be injected where another is meant.
 */
final class MailSendingPool {

    private static final int IDLE_SECONDS = 60;

    private final Scheduler scheduler;

    MailSendingPool(MailSettings settings) {
        this.scheduler = Schedulers.newBoundedElastic(
                settings.threads(), settings.queueSize(), "mail-sending", IDLE_SECONDS, true);
    }

    Scheduler scheduler() {
        return scheduler;
    }

    void dispose() {
        scheduler.dispose();
    }
}
