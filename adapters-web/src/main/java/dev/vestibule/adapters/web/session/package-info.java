/**
 * What every feature may ask about a request: who is signed in (loaded per request from the session's user
 * id), where the request came from, and the cookies of ours and their flags per transport. Shared by the
 * features and by the security wiring; depends on none of them.
 */
package dev.vestibule.adapters.web.session;
