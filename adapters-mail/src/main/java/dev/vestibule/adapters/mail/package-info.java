/**
 * The mail adapter: writes each {@link dev.vestibule.domain.model.mail.Mail} as a text and an HTML part from
 * Mustache templates in the user's language, and sends it over SMTP with Spring Boot's mail support, on a
 * bounded pool of its own; without {@code spring.mail.host} it logs the mail instead.
 */
package dev.vestibule.adapters.mail;
