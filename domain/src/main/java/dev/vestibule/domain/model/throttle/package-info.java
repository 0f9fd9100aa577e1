/** Limits on how often something may be tried: failed logins, sign-ups. */
package dev.vestibule.domain.model.throttle;
