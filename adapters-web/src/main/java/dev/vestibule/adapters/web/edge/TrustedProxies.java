package dev.vestibule.adapters.web.edge;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.security.util.matcher.InetAddressMatcher;
import org.springframework.security.util.matcher.InetAddressMatchers;

/**
 * The proxies whose forwarded headers are believed: IP addresses and CIDR ranges (IPv4 or IPv6), and
 * which header family they write. Empty means nobody's, which is right for an instance that clients
 * reach directly.
 */
public final class TrustedProxies {

    private static final Pattern RANGE_SUFFIX = Pattern.compile("(/[0-9]{1,3})?");
    private static final TrustedProxies NONE = new TrustedProxies(List.of(), null, ForwardedHeaderStyle.X_FORWARDED);

    private final List<String> addresses;
    private final InetAddressMatcher matcher;
    private final ForwardedHeaderStyle headerStyle;

    private TrustedProxies(List<String> addresses, InetAddressMatcher matcher, ForwardedHeaderStyle headerStyle) {
        this.addresses = addresses;
        this.matcher = matcher;
        this.headerStyle = headerStyle;
    }

    /** Nobody's forwarded headers are believed. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * @param addresses IP addresses or CIDR ranges ("10.0.0.0/8", "2001:db8::/32"); host names are refused,
     *                  since resolving them would tie every request to DNS
     * @throws IllegalArgumentException naming the entry that is not an address or a range
     */
    public static TrustedProxies of(List<String> addresses, ForwardedHeaderStyle headerStyle) {
        Objects.requireNonNull(headerStyle, "headerStyle");
        List<String> entries = addresses == null
                ? List.of()
                : addresses.stream()
                        .map(String::strip)
                        .filter(entry -> !entry.isEmpty())
                        .toList();
        if (entries.isEmpty()) {
            return new TrustedProxies(List.of(), null, headerStyle);
        }
        for (String entry : entries) {
            try {
                InetAddressMatchers.fromIpAddress(entry);
            } catch (IllegalArgumentException notAnAddress) {
                throw notAnAddressOrRange(entry, notAnAddress.getMessage());
            }
            // Spring reads "/-1" as "no mask"; a range is spelled with a plain prefix length.
            if (!RANGE_SUFFIX
                    .matcher(entry.substring(entry.indexOf('/') < 0 ? entry.length() : entry.indexOf('/')))
                    .matches()) {
                throw notAnAddressOrRange(entry, "the prefix length must be a number");
            }
        }
        return new TrustedProxies(
                entries, InetAddressMatchers.builder().includeAddresses(entries).build(), headerStyle);
    }

    private static IllegalArgumentException notAnAddressOrRange(String entry, String reason) {
        return new IllegalArgumentException("vestibule.proxy.trusted-addresses: '" + entry
                + "' is neither an IP address nor a CIDR range (" + reason + ")");
    }

    /** Whether {@code address} (null for an unknown peer) is one of the trusted proxies. */
    public boolean includes(InetAddress address) {
        return matcher != null && address != null && matcher.matches(address);
    }

    public boolean isEmpty() {
        return matcher == null;
    }

    public ForwardedHeaderStyle headerStyle() {
        return headerStyle;
    }

    @Override
    public String toString() {
        return addresses.isEmpty() ? "none" : String.join(", ", addresses) + " (" + headerStyle + ")";
    }
}
