/** Delivering the mail outbox: retries with backoff, giving up, and the retention of delivered mail. */
package dev.vestibule.application.mail;
