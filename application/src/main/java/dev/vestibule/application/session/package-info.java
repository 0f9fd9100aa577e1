/**
 * Session control and containment: the sessions page's list of sign-ins, ending one or all but this
 * browser's, and what ends a user's other sign-ins when the password changes or a remembered browser is
 * stolen.
 */
package dev.vestibule.application.session;
