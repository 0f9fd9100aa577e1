/** What a password must be (NIST SP 800-63B) and how a stored hash is judged. */
package dev.vestibule.domain.model.password;
