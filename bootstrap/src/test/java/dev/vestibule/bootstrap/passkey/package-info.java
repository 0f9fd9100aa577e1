/** issue 14: passkey. End-to-end passkey journeys: a real browser with a virtual authenticator, and HTTP ceremonies. */
package dev.vestibule.bootstrap.passkey;
