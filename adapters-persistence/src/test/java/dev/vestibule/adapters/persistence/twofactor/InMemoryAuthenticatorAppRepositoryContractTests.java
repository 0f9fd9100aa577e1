package dev.vestibule.adapters.persistence.twofactor;

import dev.vestibule.application.fakes.InMemoryAuthenticatorAppRepository;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.port.out.AuthenticatorAppRepository;
import dev.vestibule.domain.port.out.UserRepository;

/** Keeps the application's fake honest: it must behave as the database adapter does. */
class InMemoryAuthenticatorAppRepositoryContractTests extends AuthenticatorAppRepositoryContract {

    private final AuthenticatorAppRepository repository = new InMemoryAuthenticatorAppRepository();
    private final UserRepository users = new InMemoryUserRepository();

    @Override
    protected AuthenticatorAppRepository repository() {
        return repository;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}
