/** The authenticator apps and recovery codes in the database (tables authenticator_apps, recovery_codes). */
package dev.vestibule.adapters.persistence.twofactor;
