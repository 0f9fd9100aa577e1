/** Redis: the shared session store and throttling buckets of a deployment of several instances. */
package dev.vestibule.adapters.redis;
