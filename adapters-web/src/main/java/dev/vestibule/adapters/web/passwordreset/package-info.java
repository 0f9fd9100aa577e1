/** Password reset: the "forgot your password?" form, its one answer, and the pages a mailed reset link opens. */
package dev.vestibule.adapters.web.passwordreset;
