/** Recording security events, and showing users their own. */
package dev.vestibule.application.event;
