package dev.vestibule.adapters.persistence.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.DatabaseOutages;
import dev.vestibule.domain.port.out.PasskeyRepository;
import dev.vestibule.domain.port.out.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The port's contract against the database; subclasses choose which. */
abstract class R2dbcPasskeyRepositoryContract extends PasskeyRepositoryContract {

    @Autowired
    private PasskeyRepository passkeys;

    @Autowired
    private UserRepository users;

    @Override
    protected PasskeyRepository passkeys() {
        return passkeys;
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Test
    void theBeanIsTheR2dbcAdapter() {
        assertThat(DatabaseOutages.adapterBehind(passkeys)).isInstanceOf(R2dbcPasskeyRepository.class);
    }
}
