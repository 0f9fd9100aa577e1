/** Vestibule's own metrics (Micrometer, scraped by Prometheus), kept out of the domain and the use cases. */
package dev.vestibule.bootstrap.metrics;
