/** Remembering a browser, recognizing it later, forgetting it at logout. */
package dev.vestibule.application.rememberme;
