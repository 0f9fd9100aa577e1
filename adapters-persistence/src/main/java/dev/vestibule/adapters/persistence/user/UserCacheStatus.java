package dev.vestibule.adapters.persistence.user;

/** What the per-instance user cache is doing, for metrics: read-only, cheap, never waits. */
public interface UserCacheStatus {

    /** Lookups answered from the cache. */
    long hits();

    /** Lookups the cache could have answered but did not hold: loaded from the database, then kept. */
    long misses();

    /** Lookups that went to the database because the cache was not trusted at that moment (listener down). */
    long bypasses();

    /** Users evicted one by one because they changed (heard from the database, or written by this instance). */
    long evictions();

    /** Whether the cache serves users now: its change listener is connected, listening and answering. */
    boolean serving();

    /** Users held, approximately (some may be stale ones about to be dropped). */
    long size();
}
