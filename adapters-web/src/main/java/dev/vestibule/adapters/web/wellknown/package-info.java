/** The files that crawlers and security researchers look for at fixed paths: robots.txt and security.txt. */
package dev.vestibule.adapters.web.wellknown;
