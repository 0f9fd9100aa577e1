/** Limiting failed logins and sign-ups, and marking the browsers users signed in from as known. */
package dev.vestibule.application.throttling;
