package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.SignedInSessions;
import java.util.Map;

/** Keeps the application's fake honest: the use case specs rely on it behaving like the session stores. */
class FakeSignedInSessionsContractTests extends SignedInSessionsContract {

    private final FakeSignedInSessions registry = new FakeSignedInSessions();

    @Override
    protected SignedInSessions registry() {
        return registry;
    }

    @Override
    protected String signIn(UserId user, Map<String, String> attributes) {
        return registry.signIn(user, attributes);
    }

    @Override
    protected boolean exists(String sessionId) {
        return registry.isLive(sessionId);
    }
}
