package dev.vestibule.benchmark;

import java.util.Locale;

/**
 * The time of one hash that the hashing limit divides the cores by, as the service under test timed it
 * ({@link ServiceHashTime}), at whatever Argon2id parameters it runs ({@code vestibule.hashing.argon2-*}).
 *
 * @param millis        the median time of one verification, in milliseconds
 * @param busyWhenTimed how busy the machine was when the timing began (share of all cores; NaN if unknown)
 */
record HashTiming(double millis, double busyWhenTimed) {

    String description() {
        return String.format(
                Locale.ROOT,
                "median of %d single logins' verifications as the service timed them "
                        + "(vestibule_password_hashing_seconds), right before W3, the machine %.0f %% busy",
                ServiceHashTime.TIMED,
                100 * busyWhenTimed);
    }
}
