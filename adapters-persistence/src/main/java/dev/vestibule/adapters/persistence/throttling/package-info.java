/** Known browsers (the throttling feature's lockout protection) on R2DBC. */
package dev.vestibule.adapters.persistence.throttling;
