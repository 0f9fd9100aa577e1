package dev.vestibule.adapters.persistence.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.DatabaseOutages;
import dev.vestibule.domain.port.out.AuthenticatorAppRepository;
import dev.vestibule.domain.port.out.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The port's contract against the database adapter. Subclasses choose the database. */
abstract class R2dbcAuthenticatorAppRepositoryContract extends AuthenticatorAppRepositoryContract {

    @Autowired
    private AuthenticatorAppRepository repository;

    @Autowired
    private UserRepository users;

    @Override
    protected AuthenticatorAppRepository repository() {
        return repository;
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Test
    void repositoryIsTheR2dbcAdapter() {
        assertThat(DatabaseOutages.adapterBehind(repository)).isInstanceOf(R2dbcAuthenticatorAppRepository.class);
    }
}
