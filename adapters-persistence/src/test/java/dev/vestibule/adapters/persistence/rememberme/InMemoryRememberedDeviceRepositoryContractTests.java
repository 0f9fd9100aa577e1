package dev.vestibule.adapters.persistence.rememberme;

import dev.vestibule.application.fakes.InMemoryRememberedDeviceRepository;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.port.out.RememberedDeviceRepository;
import dev.vestibule.domain.port.out.UserRepository;

/** Keeps the application's fake honest: it must behave as the database adapter does. */
class InMemoryRememberedDeviceRepositoryContractTests extends RememberedDeviceRepositoryContract {

    private final RememberedDeviceRepository repository = new InMemoryRememberedDeviceRepository();
    private final UserRepository users = new InMemoryUserRepository();

    @Override
    protected RememberedDeviceRepository repository() {
        return repository;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}
