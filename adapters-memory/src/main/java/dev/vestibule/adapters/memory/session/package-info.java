/** Counting the sessions that one instance keeps in its memory. */
package dev.vestibule.adapters.memory.session;
