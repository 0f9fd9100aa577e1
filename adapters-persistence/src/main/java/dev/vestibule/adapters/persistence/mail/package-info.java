/** The mail outbox in the {@code mail_outbox} table: claims with {@code FOR UPDATE SKIP LOCKED} on PostgreSQL. */
package dev.vestibule.adapters.persistence.mail;
