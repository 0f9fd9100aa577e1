/** Link tokens: the single-use, short-lived secrets in the links mailed for a password reset or an email confirmation. */
package dev.vestibule.domain.model.linktoken;
