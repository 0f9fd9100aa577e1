/** Reactive transactions over the database, for use cases that write a change and its mail atomically. */
package dev.vestibule.adapters.persistence.transaction;
