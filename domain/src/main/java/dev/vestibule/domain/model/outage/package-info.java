/** Outages: a store that cannot be reached, as every layer sees it (adapters raise it, pages answer it with 503). */
package dev.vestibule.domain.model.outage;
