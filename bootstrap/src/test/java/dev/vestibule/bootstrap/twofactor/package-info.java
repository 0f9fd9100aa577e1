/** The authenticator app, recovery codes and the second step of a sign-in, end to end on PostgreSQL and Redis. */
package dev.vestibule.bootstrap.twofactor;
