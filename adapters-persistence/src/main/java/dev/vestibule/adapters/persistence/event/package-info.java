/** The security event log on R2DBC. */
package dev.vestibule.adapters.persistence.event;
