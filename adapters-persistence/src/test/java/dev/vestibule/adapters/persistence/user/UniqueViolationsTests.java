package dev.vestibule.adapters.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.port.out.AddUserResult;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/** The messages are the ones the drivers really produce (PostgreSQL 15, H2 2.4), values included. */
class UniqueViolationsTests {

    @Test
    void postgresqlUsernameIndexMeansUsernameTaken() {
        assertThat(
                        UniqueViolations.resultOf(
                                new DuplicateKeyException(
                                        "executeMany; SQL [INSERT INTO users ...]; duplicate key value violates unique constraint \"users_username_key\"")))
                .contains(new AddUserResult.UsernameTaken());
    }

    @Test
    void postgresqlEmailIndexMeansEmailTaken() {
        assertThat(UniqueViolations.resultOf(new DuplicateKeyException(
                        "duplicate key value violates unique constraint \"users_email_key\"")))
                .contains(new AddUserResult.EmailTaken());
    }

    @Test
    void h2UsernameConstraintWhoseValueNamesTheEmailConstraintMeansUsernameTaken() {
        assertThat(UniqueViolations.resultOf(new DuplicateKeyException(
                        "execute; SQL [INSERT INTO users ...]",
                        new RuntimeException("Unique index or primary key violation: \"PUBLIC.USERS_USERNAME_KEY INDEX "
                                + "PUBLIC.USERS_USERNAME_KEY_INDEX_4 ON PUBLIC.USERS(USERNAME_LOWER NULLS FIRST) "
                                + "VALUES ( /* 1 */ 'users_email_keyaa' )\"; SQL statement:"))))
                .contains(new AddUserResult.UsernameTaken());
    }

    @Test
    void h2EmailConstraintWhoseValueNamesTheUsernameConstraintMeansEmailTaken() {
        assertThat(
                        UniqueViolations.resultOf(
                                new DuplicateKeyException(
                                        "Unique index or primary key violation: \"PUBLIC.USERS_EMAIL_KEY INDEX PUBLIC.USERS_EMAIL_KEY_INDEX_5 "
                                                + "ON PUBLIC.USERS(EMAIL_LOWER NULLS FIRST) VALUES ( /* 1 */ 'users_username_key@example.com' )\"")))
                .contains(new AddUserResult.EmailTaken());
    }

    @Test
    void otherConstraintsAreNoResult() {
        assertThat(UniqueViolations.resultOf(new DuplicateKeyException(
                        "duplicate key value violates unique constraint \"external_identities_pkey\"")))
                .isEmpty();
        assertThat(UniqueViolations.resultOf(new DuplicateKeyException(null))).isEmpty();
    }
}
