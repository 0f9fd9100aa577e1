package dev.vestibule.adapters.persistence.event;

import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.port.out.SecurityEventLog;
import dev.vestibule.domain.port.out.UserRepository;

/** Keeps the application's fake honest: it must behave as the database adapter does. */
class InMemorySecurityEventLogContractTests extends SecurityEventLogContract {

    private final SecurityEventLog log = new InMemorySecurityEventLog();
    private final UserRepository users = new InMemoryUserRepository();

    @Override
    protected SecurityEventLog log() {
        return log;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}
