/** Login decisions: credentials, outcomes, what a password check decides, and the factors a sign-in rests on. */
package dev.vestibule.domain.model.login;
