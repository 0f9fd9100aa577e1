/** What the load benchmark relies on in the service itself: the ceiling endpoint. */
package dev.vestibule.bootstrap.benchmark;
