/** What Redis failures mean to the rest of the service: an outage of the session and throttling store. */
package dev.vestibule.bootstrap.redis;
