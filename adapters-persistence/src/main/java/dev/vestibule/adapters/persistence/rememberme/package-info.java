/** Remembered browsers in the {@code remembered_devices} table, rotated by compare-and-set. */
package dev.vestibule.adapters.persistence.rememberme;
