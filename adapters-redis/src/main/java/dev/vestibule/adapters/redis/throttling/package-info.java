/** Token buckets for login and sign-up throttling: in Redis for a deployment, in memory for one instance. */
package dev.vestibule.adapters.redis.throttling;
