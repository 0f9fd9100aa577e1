/** Limiting failed logins and sign-ups. */
package dev.vestibule.application.throttle;
