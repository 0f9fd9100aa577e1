/** The account's own lifecycle: deleting it (and, with the email-change feature, changing its address). */
package dev.vestibule.application.account;
