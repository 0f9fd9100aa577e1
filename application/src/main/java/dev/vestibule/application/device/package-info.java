/** Known devices: browsers that signed in to an account before. */
package dev.vestibule.application.device;
