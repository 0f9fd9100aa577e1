/** The breach check: new passwords asked of a corpus of breached passwords, failing open or closed as configured. */
package dev.vestibule.application.breachcheck;
