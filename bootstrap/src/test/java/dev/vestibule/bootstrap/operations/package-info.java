/** What operators rely on: the management port, probes, metrics, and the service's behaviour in outages. */
package dev.vestibule.bootstrap.operations;
