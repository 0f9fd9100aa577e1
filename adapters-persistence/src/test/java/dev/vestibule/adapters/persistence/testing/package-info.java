/** Test infrastructure shared with other modules through this module's test-jar: a PostgreSQL database to test against. */
package dev.vestibule.adapters.persistence.testing;
