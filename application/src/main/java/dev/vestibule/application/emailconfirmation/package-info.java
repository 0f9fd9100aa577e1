/** Email confirmation: the link mailed to an address (at sign-up, or for a new address), opened and confirmed. */
package dev.vestibule.application.emailconfirmation;
