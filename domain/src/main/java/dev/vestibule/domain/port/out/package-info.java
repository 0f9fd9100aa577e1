/** Driven ports: what the domain needs from storage and cryptography. */
package dev.vestibule.domain.port.out;
