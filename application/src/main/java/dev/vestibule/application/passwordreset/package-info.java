/** Password reset: asking for a mailed link, opening it, and choosing a new password with it. */
package dev.vestibule.application.passwordreset;
