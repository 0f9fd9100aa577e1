package dev.vestibule.adapters.persistence.throttling;

import dev.vestibule.application.fakes.InMemoryKnownBrowserRepository;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.port.out.KnownBrowserRepository;
import dev.vestibule.domain.port.out.UserRepository;

/** Keeps the application's fake honest: it must behave as the database adapter does. */
class InMemoryKnownBrowserRepositoryContractTests extends KnownBrowserRepositoryContract {

    private final KnownBrowserRepository repository = new InMemoryKnownBrowserRepository();
    private final UserRepository users = new InMemoryUserRepository();

    @Override
    protected KnownBrowserRepository repository() {
        return repository;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}
