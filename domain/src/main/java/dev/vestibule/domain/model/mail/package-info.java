/** Mail to a user: what to tell whom (a link to follow, a security notice), never the wording, which is the mail adapter's. */
package dev.vestibule.domain.model.mail;
