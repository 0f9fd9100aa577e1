package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/**
 * Deletes what no longer serves a purpose: security events past their retention period, and browsers
 * (known or remembered) whose lifetime has ended. Safe to run from every instance at once: each
 * deletion only removes rows past a cutoff, so running it twice removes nothing more.
 */
public interface PurgeExpiredRecords {

    Mono<PurgedRecords> purge();
}
