/**
 * Signed-in sessions as the user sees them on the sessions page: which browser, from where, since when,
 * each named by an opaque handle that reveals neither the session id nor a remember-me token.
 */
package dev.vestibule.domain.model.session;
