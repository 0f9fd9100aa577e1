/** Browsers a user has signed in from before, which keep their own login allowance. */
package dev.vestibule.domain.model.device;
