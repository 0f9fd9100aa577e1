package dev.vestibule.adapters.persistence.passkey;

import dev.vestibule.application.fakes.InMemoryPasskeyRepository;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.port.out.PasskeyRepository;
import dev.vestibule.domain.port.out.UserRepository;

/** Keeps the application's fake honest: it must behave as the database adapter does. */
class InMemoryPasskeyRepositoryContractTests extends PasskeyRepositoryContract {

    private final PasskeyRepository passkeys = new InMemoryPasskeyRepository();
    private final UserRepository users = new InMemoryUserRepository();

    @Override
    protected PasskeyRepository passkeys() {
        return passkeys;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}
