/** Re-authentication: when a signed-in user must give their password again before a sensitive change (the "sudo" window). */
package dev.vestibule.domain.model.reauthentication;
