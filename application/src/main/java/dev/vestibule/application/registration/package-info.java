/** Signing up: judging the form, claiming the names, storing the hash. */
package dev.vestibule.application.registration;
