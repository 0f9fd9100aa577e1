/** Password hashing moved off the caller's thread onto a bounded scheduler. */
package dev.vestibule.application.hashing;
