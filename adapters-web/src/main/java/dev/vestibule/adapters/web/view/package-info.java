/** Page rendering: every Mustache template read and compiled once, at startup, never on a request. */
package dev.vestibule.adapters.web.view;
