/** Throttling as the browser meets it: the known-browser cookie and the 429 answer with how long to wait. */
package dev.vestibule.adapters.web.throttling;
