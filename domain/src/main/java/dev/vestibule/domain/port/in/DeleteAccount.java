package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/**
 * A signed-in user deletes their account, after proving it is them (current password or an open window). The user
 * and everything kept about them go in one transaction, with the notice of the deletion queued to their address;
 * their security events stay for the retention period without anything that points to them.
 */
public interface DeleteAccount {

    Mono<AccountDeletionOutcome> delete(AccountDeletionRequest request);
}
