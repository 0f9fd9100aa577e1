/**
 * Every word the site shows, from the message bundles ({@code messages*.properties}: English, German) in the
 * language the request's Accept-Language chose; templates and code name keys, never text.
 */
package dev.vestibule.adapters.web.text;
