package dev.vestibule.bootstrap.support;

import java.util.concurrent.ThreadLocalRandom;

/** Unique names, so every test makes its own users and no test depends on another's. */
public final class TestUsers {

    /** Long, uncommon, free of any username: acceptable to the password policy. */
    public static final String PASSWORD = "quiet lantern orbit 42";

    private TestUsers() {}

    public static String uniqueUsername(String prefix) {
        return prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    }

    public static String emailOf(String username) {
        return username.toLowerCase() + "@example.org";
    }
}
