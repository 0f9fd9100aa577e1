/** The PasswordHasher port implemented with Spring Security's password encoders. */
package dev.vestibule.adapters.crypto.hashing;
