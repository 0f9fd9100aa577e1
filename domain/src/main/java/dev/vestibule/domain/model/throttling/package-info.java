/** Limits on how often something may be tried (failed logins, sign-ups), and the known browsers that keep their own allowance. */
package dev.vestibule.domain.model.throttling;
