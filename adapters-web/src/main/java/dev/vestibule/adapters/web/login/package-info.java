/** The login page, and the rule for where a login may send the browser next. */
package dev.vestibule.adapters.web.login;
