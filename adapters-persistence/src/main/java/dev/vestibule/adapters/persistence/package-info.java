/** The persistence adapter: R2DBC implementations of the domain's driven ports, wired by {@link dev.vestibule.adapters.persistence.PersistenceConfiguration}. */
package dev.vestibule.adapters.persistence;
