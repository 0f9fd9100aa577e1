/** The mail outbox end to end: real PostgreSQL, real instances, a real SMTP server (GreenMail) in the test JVM. */
package dev.vestibule.bootstrap.mail;
