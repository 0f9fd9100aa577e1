/** Known devices on R2DBC. */
package dev.vestibule.adapters.persistence.device;
