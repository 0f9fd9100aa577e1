/** Remember-me in the browser: the persistent cookie and the filter that signs a remembered browser back in. */
package dev.vestibule.adapters.web.rememberme;
