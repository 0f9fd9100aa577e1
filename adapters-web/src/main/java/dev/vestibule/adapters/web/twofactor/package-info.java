/**
 * Second factors on the web: the second step of a sign-in ({@code /login/two-factor}) and the account's two-factor
 * pages (the authenticator app's setup with its QR code, recovery codes).
 */
package dev.vestibule.adapters.web.twofactor;
