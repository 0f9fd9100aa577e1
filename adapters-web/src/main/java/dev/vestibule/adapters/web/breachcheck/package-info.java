/**
 * The breach check's client (issue 13, finding 8): the {@code BreachedPasswords} port over a Have I Been
 * Pwned-style k-anonymity range API, with WebClient. It lives in the web adapter because HTTP is this adapter's
 * technology (the architecture tests keep Spring's HTTP classes here), not because pages use it: only bootstrap does.
 */
package dev.vestibule.adapters.web.breachcheck;
