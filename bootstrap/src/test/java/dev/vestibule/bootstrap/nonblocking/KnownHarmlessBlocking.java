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
    }
}
