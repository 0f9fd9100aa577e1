/** The signed-in user's own account pages: recent security activity. */
package dev.vestibule.adapters.web.account;
