/** The embedded default's stores, for one instance with nothing installed: sessions and throttling buckets in memory. */
package dev.vestibule.adapters.memory;
