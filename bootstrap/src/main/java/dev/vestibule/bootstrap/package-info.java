/** The runnable service: builds the use cases, plugs in the adapters, reads the configuration. */
package dev.vestibule.bootstrap;
