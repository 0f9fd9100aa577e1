/** One-shot messages kept in the session, so they survive a redirect and any instance shows them. */
package dev.vestibule.adapters.web.flash;
