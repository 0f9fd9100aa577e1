/** Spring Security wiring: the session-backed current user, form login, remember-me, logout. */
package dev.vestibule.adapters.web.security;
