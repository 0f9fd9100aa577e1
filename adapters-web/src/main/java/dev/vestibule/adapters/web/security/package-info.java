/**
 * Spring Security wiring: who may see what, form login and logout and their handlers. It composes the
 * features (session, login, rememberme, throttling, error) and nothing depends on it.
 */
package dev.vestibule.adapters.web.security;
