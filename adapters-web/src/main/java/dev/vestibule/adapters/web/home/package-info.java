/** The index page. */
package dev.vestibule.adapters.web.home;
