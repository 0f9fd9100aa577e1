/** Who a user is: identity, names, credentials and the identities they bring from external providers. */
package dev.vestibule.domain.model.user;
