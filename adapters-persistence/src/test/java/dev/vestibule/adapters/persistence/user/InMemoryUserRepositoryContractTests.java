package dev.vestibule.adapters.persistence.user;

import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.port.out.UserRepository;

/** Keeps the application's fake honest: it must behave as the database adapter does. */
class InMemoryUserRepositoryContractTests extends UserRepositoryContract {

    private final UserRepository repository = new InMemoryUserRepository();

    @Override
    protected UserRepository repository() {
        return repository;
    }
}
