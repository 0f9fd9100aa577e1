package dev.vestibule.adapters.persistence.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.DatabaseOutages;
import dev.vestibule.domain.port.out.PasskeyChallenges;
import dev.vestibule.domain.port.out.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The port's contract against the database; subclasses choose which. */
abstract class R2dbcPasskeyChallengesContract extends PasskeyChallengesContract {

    @Autowired
    private PasskeyChallenges challenges;

    @Autowired
    private UserRepository users;

    @Override
    protected PasskeyChallenges challenges() {
        return challenges;
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Test
    void theBeanIsTheR2dbcAdapter() {
        assertThat(DatabaseOutages.adapterBehind(challenges)).isInstanceOf(R2dbcPasskeyChallenges.class);
    }
}
