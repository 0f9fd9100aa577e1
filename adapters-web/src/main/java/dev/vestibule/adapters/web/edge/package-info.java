/**
 * What every request goes through before anything else reads it: forwarded headers believed only from
 * trusted proxies, a correlation id, and one access-log line.
 */
package dev.vestibule.adapters.web.edge;
