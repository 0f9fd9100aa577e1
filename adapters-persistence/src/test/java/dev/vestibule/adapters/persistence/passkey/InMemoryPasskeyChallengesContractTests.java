package dev.vestibule.adapters.persistence.passkey;

import dev.vestibule.application.fakes.InMemoryPasskeyChallenges;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.port.out.PasskeyChallenges;
import dev.vestibule.domain.port.out.UserRepository;

/** Keeps the application's fake honest: it must behave as the database adapter does. */
class InMemoryPasskeyChallengesContractTests extends PasskeyChallengesContract {

    private final PasskeyChallenges challenges = new InMemoryPasskeyChallenges();
    private final UserRepository users = new InMemoryUserRepository();

    @Override
    protected PasskeyChallenges challenges() {
        return challenges;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}
