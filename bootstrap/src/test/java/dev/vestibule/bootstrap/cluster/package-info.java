/** Journeys through the local cluster (deploy/local/cluster): HAProxy with TLS in front of several instances, a real browser. */
package dev.vestibule.bootstrap.cluster;
