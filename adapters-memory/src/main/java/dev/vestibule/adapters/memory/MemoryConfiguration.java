package dev.vestibule.adapters.memory;

import dev.vestibule.adapters.memory.session.BoundedSessionRepository;
import dev.vestibule.adapters.memory.session.InMemoryActiveSessions;
import dev.vestibule.adapters.memory.session.InMemorySignedInSessions;
import dev.vestibule.adapters.memory.throttling.InMemoryAttemptLimiter;
import dev.vestibule.domain.port.out.AttemptLimiter;
import dev.vestibule.domain.port.out.SignedInSessions;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.Session;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;

/**
 * The in-memory adapter's single entry point for bootstrap, which imports it for the zero-install default
 * ({@code vestibule.session.store=memory}): sessions and throttling buckets in this process's memory, for one
 * instance on a laptop. Same Spring Session code path as Redis, so login, logout and session-id rotation
 * behave identically. Needs a {@link MemorySettings} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
public class MemoryConfiguration {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** Bounded, swept, and never storing an empty (visitor's) session: see {@link BoundedSessionRepository}. */
    @Bean(destroyMethod = "close")
    BoundedSessionRepository reactiveSessionRepository(MemorySettings settings) {
        var repository = new BoundedSessionRepository(
                sessions, settings.idleTimeout(), settings.maxSessions(), Clock.systemUTC());
        repository.startSweeping(settings.sweepEvery());
        return repository;
    }

    /** Bootstrap turns the count into the {@code vestibule_sessions_active} gauge. */
    @Bean
    InMemoryActiveSessions activeSessions() {
        return new InMemoryActiveSessions(sessions);
    }

    /** The sessions page's registry: a scan of this instance's session map. */
    @Bean
    SignedInSessions signedInSessions() {
        return new InMemorySignedInSessions(sessions);
    }

    @Bean
    AttemptLimiter attemptLimiter() {
        return new InMemoryAttemptLimiter();
    }
}
