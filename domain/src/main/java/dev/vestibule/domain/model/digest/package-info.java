/** The one fast hash the model uses for random values and keys. */
package dev.vestibule.domain.model.digest;
