/** Lists that judge new passwords: the common-password blocklist. */
package dev.vestibule.adapters.crypto.password;
