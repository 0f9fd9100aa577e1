package dev.vestibule.bootstrap;

import dev.vestibule.domain.model.password.PasswordPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of Vestibule's own, under "vestibule.": README's configuration table lists them.
 *
 * @param password   what a new password must be
 * @param rememberMe how long "remember me" lasts
 * @param hashing    the password-hashing pool and the Argon2id cost
 * @param session    where sessions live and how long an idle one lasts
 */
@ConfigurationProperties("vestibule")
public record VestibuleProperties(@DefaultValue Password password,
                                  @DefaultValue RememberMe rememberMe,
                                  @DefaultValue Hashing hashing,
                                  @DefaultValue Session session) {

    public record Password(@DefaultValue("" + PasswordPolicy.DEFAULT_MINIMUM_LENGTH) int minLength,
                           @DefaultValue("" + PasswordPolicy.DEFAULT_MAXIMUM_LENGTH) int maxLength) {
    }

    public record RememberMe(@DefaultValue("14d") Duration lifetime,
                             @DefaultValue("30s") Duration rotationGracePeriod) {
    }

    /**
     * @param threads   hashes computed at once; 0 means one per CPU core
     * @param queueSize hashes allowed to wait for a thread before logins are refused
     */
    public record Hashing(@DefaultValue("0") int threads,
                          @DefaultValue("256") int queueSize,
                          @DefaultValue("19456") int argon2MemoryKib,
                          @DefaultValue("2") int argon2Iterations,
                          @DefaultValue("1") int argon2Parallelism) {

        int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * @param store          "memory" (one instance only) or "redis" (shared by every instance)
     * @param idleTimeout    a session unused this long ends
     * @param redisNamespace prefix of the session keys in Redis
     */
    public record Session(@DefaultValue("memory") SessionStore store,
                          @DefaultValue("30m") Duration idleTimeout,
                          @DefaultValue("vestibule:session") String redisNamespace) {
    }

    public enum SessionStore {
        MEMORY,
        REDIS
    }
}
