/** The breach check through the real stack, against a fake range API on loopback (issue 13, finding 8). */
package dev.vestibule.bootstrap.breachcheck;
