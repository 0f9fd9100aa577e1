package dev.vestibule.domain.model.throttling;

import dev.vestibule.domain.model.digest.Sha256;
import dev.vestibule.domain.model.user.UserId;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * The keys of the throttling buckets, one namespace per kind, so that no key of one kind can ever equal a key of
 * another: a real account by its user id and the form of login typed ({@code account:}), a login that names no
 * account by a hash of what was typed ({@code login:}), a client by its address or, for IPv6, its network
 * ({@code client:}), a known browser by its id ({@code device:}).
 *
 * <p>A real account has one bucket per form of login (username, email address), because an unknown login can
 * have only one: were the two forms of a real account to share a bucket, failures as a username would refuse the
 * account's email address too, and comparing that with an unknown login would tell which username and address
 * belong together.
 */
public final class ThrottleKeys {

    /** An IPv6 subscriber usually gets a whole /64, so its addresses count as one client. */
    public static final int DEFAULT_IPV6_PREFIX_LENGTH = 64;

    private ThrottleKeys() {}

    /** The bucket of a real account when {@code login} (its username or its email address) was typed. */
    public static String account(UserId user, String login) {
        Objects.requireNonNull(user, "user");
        return "account:" + user + ":" + LoginForm.of(login).name().toLowerCase(Locale.ROOT);
    }

    /**
     * The bucket of a login that names no account: normalised as the user store compares logins (blanks
     * stripped, lower case), then hashed, so that the key is short, cannot be mistaken for a user id, and keeps
     * out of Redis whatever a visitor typed (sometimes a password, in the wrong field).
     */
    public static String unknownLogin(String login) {
        return "login:" + Sha256.hex(normalised(login));
    }

    /** The bucket of a browser that signed in to the account before. */
    public static String device(String deviceId) {
        return "device:" + Objects.requireNonNull(deviceId, "deviceId");
    }

    /**
     * The bucket of a client: an IPv4 address as it is, an IPv6 address by its first {@code ipv6PrefixLength}
     * bits (a /64 by default), so that the 2^64 addresses one subscriber holds are one client, not 2^64.
     * Anything that is not an address literal (no peer known) is taken as it is; no name is ever looked up.
     */
    public static String clientAddress(String address, int ipv6PrefixLength) {
        Objects.requireNonNull(address, "address");
        checkPrefixLength(ipv6PrefixLength);
        if (address.indexOf(':') < 0) {
            return "client:" + address;
        }
        InetAddress parsed;
        try {
            // A string with a colon is parsed as an IPv6 literal or refused; it is never resolved.
            parsed = InetAddress.getByName(address);
        } catch (UnknownHostException notALiteral) {
            return "client:" + address;
        }
        if (!(parsed instanceof Inet6Address)) {
            // An IPv4-mapped address (::ffff:192.0.2.1) is the IPv4 client it maps.
            return "client:" + parsed.getHostAddress();
        }
        byte[] bytes = parsed.getAddress();
        for (int bit = ipv6PrefixLength; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return "client:" + InetAddress.getByAddress(bytes).getHostAddress() + "/" + ipv6PrefixLength;
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    // issue 14: twofactor
    /**
     * The bucket of an account's second steps ({@code second-step:}): one per account, whatever login was typed and
     * however many pending logins are open, so that guessing a 6-digit code gets no fresh allowance per login.
     */
    public static String secondStep(UserId user) {
        return "second-step:" + Objects.requireNonNull(user, "user");
    }

    /** Accepts the prefix lengths a configuration may set: 1 to 128 bits. */
    public static int checkPrefixLength(int ipv6PrefixLength) {
        if (ipv6PrefixLength < 1 || ipv6PrefixLength > 128) {
            throw new IllegalArgumentException("an IPv6 prefix length is 1 to 128 bits, was " + ipv6PrefixLength);
        }
        return ipv6PrefixLength;
    }

    private static String normalised(String login) {
        return Objects.requireNonNull(login, "login").strip().toLowerCase(Locale.ROOT);
    }

    /** How an account was named at login: a username never holds an '@', an email address always does. */
    enum LoginForm {
        USERNAME,
        EMAIL;

        static LoginForm of(String login) {
            return Objects.requireNonNull(login, "login").indexOf('@') >= 0 ? EMAIL : USERNAME;
        }
    }
}
