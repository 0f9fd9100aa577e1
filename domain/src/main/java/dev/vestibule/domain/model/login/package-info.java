/** Login decisions: credentials, outcomes, and what a password check decides. */
package dev.vestibule.domain.model.login;
