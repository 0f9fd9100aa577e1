/** End-to-end journeys of the account's own pages (deletion, email change and confirmation) against two instances, PostgreSQL, Redis and a real SMTP server. */
package dev.vestibule.bootstrap.account;
