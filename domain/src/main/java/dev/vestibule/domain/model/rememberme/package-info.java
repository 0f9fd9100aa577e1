/** Remember me: the remembered browsers that may sign a user in again, and their rotating tokens. */
package dev.vestibule.domain.model.rememberme;
