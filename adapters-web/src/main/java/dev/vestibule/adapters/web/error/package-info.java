/** Bad requests turned into the site's error pages instead of server errors. */
package dev.vestibule.adapters.web.error;
