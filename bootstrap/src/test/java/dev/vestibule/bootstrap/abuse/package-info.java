/** Abuse resistance against running instances: throttling, security events, session lifetimes, timing. */
package dev.vestibule.bootstrap.abuse;
