/** Logging in with a password or an external identity. */
package dev.vestibule.application.login;
