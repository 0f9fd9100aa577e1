/** Retention: deleting security events and device records once they have served their time. */
package dev.vestibule.application.retention;
