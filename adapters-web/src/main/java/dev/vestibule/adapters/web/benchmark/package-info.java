/** The benchmark's ceiling: the cheapest WebFlux endpoint of this build, off unless a benchmark switches it on. */
package dev.vestibule.adapters.web.benchmark;
