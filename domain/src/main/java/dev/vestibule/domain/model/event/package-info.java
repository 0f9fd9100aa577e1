/** Security events: the record of every change of authentication state, and where it came from. */
package dev.vestibule.domain.model.event;
