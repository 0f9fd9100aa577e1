/** Password reset end to end: real PostgreSQL, Redis and an SMTP server (GreenMail), two instances, a browser. */
package dev.vestibule.bootstrap.passwordreset;
