package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/** The users' unused recovery codes, by their hashes only (the codes themselves are shown once, never stored). */
public interface RecoveryCodeRepository {

    /** The user's codes become exactly these (a new set replaces every earlier code, used or not). */
    Mono<Void> replaceAll(UserId userId, List<String> codeHashes, Instant createdAt);

    /**
     * Spends the code with {@code codeHash}: true when it was the user's and unused, false otherwise. One conditional
     * delete, so a code works once even when two instances are given it at the same moment.
     */
    Mono<Boolean> use(UserId userId, String codeHash);

    /** How many unused codes the user has. */
    Mono<Integer> countLeft(UserId userId);

    Mono<Void> removeAll(UserId userId);
}
