/** The use cases, each in its feature's package, and {@link dev.vestibule.application.UseCases}, which builds them all. */
package dev.vestibule.application;
