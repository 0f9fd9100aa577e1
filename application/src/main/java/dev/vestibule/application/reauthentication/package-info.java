/** Re-authentication: checking a signed-in user's current password, off the event loop and throttled like logins. */
package dev.vestibule.application.reauthentication;
