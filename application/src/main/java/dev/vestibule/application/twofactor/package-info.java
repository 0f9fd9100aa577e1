/** Second factors: what a user has set up, and the second step of a sign-in. */
package dev.vestibule.application.twofactor;
