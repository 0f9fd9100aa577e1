/** The sign-up page. */
package dev.vestibule.adapters.web.registration;
