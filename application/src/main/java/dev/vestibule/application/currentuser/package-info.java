/** Loading the signed-in user a session names. */
package dev.vestibule.application.currentuser;
