/** Login decisions, and the remembered devices that may sign a user in again. */
package dev.vestibule.domain.model.login;
