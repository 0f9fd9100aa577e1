package dev.vestibule.adapters.persistence.linktoken;

import dev.vestibule.application.fakes.InMemoryLinkTokens;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.port.out.LinkTokens;
import dev.vestibule.domain.port.out.UserRepository;

/** Keeps the application's fake honest: it must behave as the database adapter does. */
class InMemoryLinkTokensContractTests extends LinkTokensContract {

    private final LinkTokens linkTokens = new InMemoryLinkTokens();
    private final UserRepository users = new InMemoryUserRepository();

    @Override
    protected LinkTokens linkTokens() {
        return linkTokens;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}
