/**
 * The breach check's client (issue 13, finding 8): the {@code BreachedPasswords} port over a Have I Been
 * Pwned-style k-anonymity range API. It sits with the other password lists (the bundled common passwords) and
 * speaks HTTP with the JDK's own client, since Spring's HTTP classes belong to the web adapter, which may not
 * implement driven ports.
 */
package dev.vestibule.adapters.crypto.breachcheck;
