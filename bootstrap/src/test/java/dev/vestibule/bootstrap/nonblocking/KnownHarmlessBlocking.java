package dev.vestibule.bootstrap.nonblocking;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The few calls BlockHound reports that do not in fact hold a thread, each allowed as narrowly as
 * possible. Anything else that blocks on a non-blocking thread fails the test that caused it.
 */
public final class KnownHarmlessBlocking implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // SecureRandom (CSRF token masking, UUIDs, session ids) refills a small buffer from /dev/urandom,
        // which never waits for entropy on Linux: a file read in name only.
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implNextBytes");
        // Lettuce guards its shared connection's write path with a lock held only while a command is handed
        // to Netty, never across I/O: two event loops writing at once may wait microseconds for each other
        // (known and accepted upstream: redis/lettuce#2510).
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "decrementWriters");
    }
}
