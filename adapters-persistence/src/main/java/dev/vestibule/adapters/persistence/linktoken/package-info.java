/** Mailed links in the {@code link_tokens} table, spent by one conditional update. */
package dev.vestibule.adapters.persistence.linktoken;
