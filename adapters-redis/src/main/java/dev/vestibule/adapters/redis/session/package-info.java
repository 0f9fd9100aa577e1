/** How sessions are stored: only what changed, and the last access at a bounded rate. */
package dev.vestibule.adapters.redis.session;
