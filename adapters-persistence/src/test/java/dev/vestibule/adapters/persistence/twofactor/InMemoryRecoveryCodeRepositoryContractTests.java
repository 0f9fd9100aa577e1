package dev.vestibule.adapters.persistence.twofactor;

import dev.vestibule.application.fakes.InMemoryRecoveryCodeRepository;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.port.out.RecoveryCodeRepository;
import dev.vestibule.domain.port.out.UserRepository;

/** Keeps the application's fake honest: it must behave as the database adapter does. */
class InMemoryRecoveryCodeRepositoryContractTests extends RecoveryCodeRepositoryContract {

    private final RecoveryCodeRepository repository = new InMemoryRecoveryCodeRepository();
    private final UserRepository users = new InMemoryUserRepository();

    @Override
    protected RecoveryCodeRepository repository() {
        return repository;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}
