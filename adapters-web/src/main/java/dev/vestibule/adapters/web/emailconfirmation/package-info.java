/** The pages a confirmation link opens: a confirm button (a GET changes nothing), then what came of it. */
package dev.vestibule.adapters.web.emailconfirmation;
