package dev.vestibule.bootstrap;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Daemon threads named {@code <prefix>-<n>}, as Reactor names its own, at {@link Thread#MIN_PRIORITY}:
 * work that may wait (password hashing) yields the cores to work that may not (event loops).
 */
final class LowPriorityThreadFactory implements ThreadFactory {

    private final String prefix;
    private final AtomicLong created = new AtomicLong();

    LowPriorityThreadFactory(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + "-" + created.incrementAndGet());
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    }
}
