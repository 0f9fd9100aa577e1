/**
 * One-shot messages that survive a redirect and that any instance shows: kept in a signed-in user's session, or in
 * a short-lived cookie of fixed message keys for a visitor, who costs no session.
 */
package dev.vestibule.adapters.web.flash;
