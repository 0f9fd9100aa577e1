/** Driving ports: what a user can do, one job each. */
package dev.vestibule.domain.port.in;
