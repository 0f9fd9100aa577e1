package dev.vestibule.adapters.persistence.device;

import dev.vestibule.application.fakes.InMemoryKnownDeviceRepository;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.port.out.KnownDeviceRepository;
import dev.vestibule.domain.port.out.UserRepository;

/** Keeps the application's fake honest: it must behave as the database adapter does. */
class InMemoryKnownDeviceRepositoryContractTests extends KnownDeviceRepositoryContract {

    private final KnownDeviceRepository repository = new InMemoryKnownDeviceRepository();
    private final UserRepository users = new InMemoryUserRepository();

    @Override
    protected KnownDeviceRepository repository() {
        return repository;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}
