package dev.vestibule.adapters.web.edge;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The client address behind a chain of proxies. Each proxy appends the address of whoever connected to
 * it, so the chain reads left (claimed by the client, anything at all) to right (written by the proxy
 * nearest to us). Walking from the right, every hop is believed while it is a trusted proxy; the first
 * hop that is not one is the client. Spring's own {@code ForwardedHeaderUtils} takes the leftmost entry,
 * which any client can set to whatever it likes, so it must not decide the address used for throttling.
 *
 * <p>Entries are parsed as IP literals only, never resolved through DNS. An entry that is not an IP
 * literal ("unknown", an RFC 7239 obfuscated "_id", junk) where the client should be makes the whole
 * chain unusable, and the peer's own address is used instead.
 */
final class ForwardedFor {

    /** More proxies in a row than any real deployment has; beyond them the peer's address is used. */
    static final int MAX_HOPS = 32;

    private ForwardedFor() {}

    /**
     * @param peer  the address of the connection's peer, already known to be a trusted proxy
     * @param chain the hops, leftmost first, as {@link #xForwardedFor} or {@link #forwarded} read them
     */
    static InetAddress client(InetAddress peer, List<String> chain, TrustedProxies proxies) {
        int stop = Math.max(0, chain.size() - MAX_HOPS);
        InetAddress client = peer;
        for (int i = chain.size() - 1; i >= stop; i--) {
            InetAddress hop = parse(chain.get(i));
            if (hop == null) {
                return peer;
            }
            client = hop;
            if (!proxies.includes(hop)) {
                return hop;
            }
        }
        // Every hop was one of our proxies: the request started at the leftmost of them, unless the chain
        // goes on further than any real one.
        return stop == 0 ? client : peer;
    }

    /** The hops of every X-Forwarded-For line, in order: several lines count as one comma-separated list. */
    static List<String> xForwardedFor(List<String> headerLines) {
        List<String> hops = new ArrayList<>();
        for (String line : headerLines) {
            for (String hop : line.split(",", -1)) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    /**
     * The {@code for=} value of every RFC 7239 element, in order; an element without one counts as a hop
     * that cannot be read. Commas and semicolons inside quoted strings do not split.
     */
    static List<String> forwarded(List<String> headerLines) {
        List<String> hops = new ArrayList<>();
        for (String line : headerLines) {
            for (String element : split(line, ',')) {
                String forValue = "";
                for (String pair : split(element, ';')) {
                    int equals = pair.indexOf('=');
                    if (equals > 0
                            && pair.substring(0, equals)
                                    .strip()
                                    .toLowerCase(Locale.ROOT)
                                    .equals("for")) {
                        forValue = pair.substring(equals + 1).strip();
                    }
                }
                hops.add(forValue);
            }
        }
        return hops;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < text.length()) {
                part.append(c);
                c = text.charAt(++i);
            } else if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString());
        return parts;
    }

    /**
     * One hop as an address: "192.0.2.7", "192.0.2.7:4711", "2001:db8::1", "[2001:db8::1]" or
     * "[2001:db8::1]:4711", optionally in double quotes; anything else is null.
     */
    static InetAddress parse(String hop) {
        String value = hop.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).strip();
        }
        if (value.isEmpty() || value.length() > 64) {
            return null;
        }
        String literal;
        if (value.charAt(0) == '[') {
            int close = value.indexOf(']');
            if (close < 0 || !isPortSuffix(value.substring(close + 1))) {
                return null;
            }
            literal = value.substring(1, close);
        } else {
            int colon = value.indexOf(':');
            boolean ipv4WithPort = colon >= 0 && value.indexOf(':', colon + 1) < 0;
            if (ipv4WithPort && !isPortSuffix(value.substring(colon))) {
                return null;
            }
            literal = ipv4WithPort ? value.substring(0, colon) : value;
        }
        if (literal.indexOf('%') >= 0) {
            return null;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            return null;
        }
    }

    /** Empty, or ":" followed by one to five digits. */
    private static boolean isPortSuffix(String suffix) {
        if (suffix.isEmpty()) {
            return true;
        }
        if (suffix.charAt(0) != ':' || suffix.length() < 2 || suffix.length() > 6) {
            return false;
        }
        for (int i = 1; i < suffix.length(); i++) {
            if (suffix.charAt(i) < '0' || suffix.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
