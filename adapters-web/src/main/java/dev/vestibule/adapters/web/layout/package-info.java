/** What every page's template sees: the current user, the CSRF token, the flash messages. */
package dev.vestibule.adapters.web.layout;
