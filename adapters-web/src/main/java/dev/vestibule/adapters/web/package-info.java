/** The browser-facing adapter: pages, forms, sessions and Spring Security. */
package dev.vestibule.adapters.web;
