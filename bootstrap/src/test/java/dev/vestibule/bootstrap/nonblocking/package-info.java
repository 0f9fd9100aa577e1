/** The guard that keeps blocking calls off non-blocking threads (BlockHound), and what it has to tolerate. */
package dev.vestibule.bootstrap.nonblocking;
