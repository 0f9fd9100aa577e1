/** What a signed-in user changes on their account: the password. */
package dev.vestibule.application.account;
