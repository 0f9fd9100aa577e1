package dev.vestibule.adapters.web.edge;

/**
 * Which family of forwarded headers the trusted proxies write. Only that family is read; the other is
 * removed unread, because a proxy passes on, untouched, any header it does not manage itself, so a
 * client could otherwise plant {@code Forwarded: for=...;host=...} behind a proxy that only appends
 * {@code X-Forwarded-For}.
 */
public enum ForwardedHeaderStyle {

    /** {@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code -Port}, {@code -Prefix}: what most proxies send. */
    X_FORWARDED,

    /** RFC 7239 {@code Forwarded: for=...;proto=...;host=...}. */
    FORWARDED
}
