package dev.vestibule.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.port.in.RegisterUser;
import dev.vestibule.domain.port.in.RegistrationCommand;
import dev.vestibule.domain.port.in.RegistrationOutcome;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Users made through the real sign-up use case; each test makes its own, with names no other test uses. */
public final class TestUsers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestUsers() {}

    public record TestUser(String username, String email, String password) {}

    /** A fresh, unused username starting with {@code prefix} (3 to 32 characters in all). */
    public static String uniqueName(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    public static TestUser registered(RegisterUser registerUser, String prefix) {
        String username = uniqueName(prefix);
        TestUser user = new TestUser(username, username.toLowerCase() + "@example.com", "tulip orbit canyon 42");
        RegistrationOutcome outcome = registerUser
                .register(
                        new RegistrationCommand(user.username(), user.email(), user.password(), user.password()),
                        Origin.unknown())
                .block(Duration.ofSeconds(5));
        assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class);
        return user;
    }
}
