/** Users and their external identities in the {@code users} and {@code external_identities} tables. */
package dev.vestibule.adapters.persistence.user;
