package dev.vestibule.adapters.persistence.rememberme;

import dev.vestibule.application.fakes.InMemoryRememberedBrowserRepository;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.UserRepository;

/** Keeps the application's fake honest: it must behave as the database adapter does. */
class InMemoryRememberedBrowserRepositoryContractTests extends RememberedBrowserRepositoryContract {

    private final RememberedBrowserRepository repository = new InMemoryRememberedBrowserRepository();
    private final UserRepository users = new InMemoryUserRepository();

    @Override
    protected RememberedBrowserRepository repository() {
        return repository;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}
