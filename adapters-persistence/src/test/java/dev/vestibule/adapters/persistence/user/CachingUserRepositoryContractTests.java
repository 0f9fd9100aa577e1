package dev.vestibule.adapters.persistence.user;

import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Duration;

/** The cache in front of a store changes nothing the port promises (the fake stands for the store here). */
class CachingUserRepositoryContractTests extends UserRepositoryContract {

    private final UserRepository repository;

    CachingUserRepositoryContractTests() {
        UserCache cache = new UserCache(UserCacheSettings.DEFAULT, () -> 0L, Runnable::run);
        cache.resume(Duration.ofHours(1));
        repository = new CachingUserRepository(new InMemoryUserRepository(), cache);
    }

    @Override
    protected UserRepository repository() {
        return repository;
    }
}
