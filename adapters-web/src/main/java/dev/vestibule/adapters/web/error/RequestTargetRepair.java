package dev.vestibule.adapters.web.error;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes what a request target may not hold raw, before WebFlux parses it. WebFlux builds a
 * java.net.URI from the request line and, when that fails, answers an empty 400 that no page of the site
 * can replace. It fails on more than hand-made junk: browsers send "|", "^", "{", "}", "[", "]" and "\"
 * unencoded in query strings (the WHATWG URL standard leaves them), and a stray "%" ("?q=100%",
 * "?next=%zz") is common in links. So: a "%" not followed by two hexadecimal digits becomes "%25" (read
 * back as a literal "%", as browsers' own URLSearchParams does), and every other character outside
 * RFC 3986's unreserved, sub-delims, ":", "@", "/" and "?" is percent-encoded (as its byte, which is how
 * Netty reads non-ASCII in the request line, so raw UTF-8 comes out right). A target holding none of
 * these is passed on untouched, so nothing a browser normally sends changes. The repaired target then
 * goes through the same checks as any other (Spring Security's firewall, NextPath, ...).
 */
@ChannelHandler.Sharable
final class RequestTargetRepair extends ChannelInboundHandlerAdapter {

    static final RequestTargetRepair INSTANCE = new RequestTargetRepair();

    private static final String ALLOWED_PUNCTUATION = "-._~!$&'()*+,;=:@/?";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestTargetRepair() {}

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof HttpRequest request) {
            String target = request.uri();
            String repaired = repair(target);
            if (!repaired.equals(target)) {
                request.setUri(repaired);
            }
        }
        context.fireChannelRead(message);
    }

    /** The target itself when it is clean, else the same target with the offending characters encoded. */
    static String repair(String target) {
        if (isClean(target)) {
            return target;
        }
        StringBuilder repaired = new StringBuilder(target.length() + 16);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                repaired.append(isEscape(target, i) ? "%" : "%25");
            } else if (isAllowed(c)) {
                repaired.append(c);
            } else if (c <= 0xff) {
                appendEscaped(repaired, c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    appendEscaped(repaired, b & 0xff);
                }
            }
        }
        return repaired.toString();
    }

    private static boolean isClean(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%' ? !isEscape(target, i) : !isAllowed(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEscape(String target, int percent) {
        return percent + 2 < target.length()
                && isHexDigit(target.charAt(percent + 1))
                && isHexDigit(target.charAt(percent + 2));
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || ALLOWED_PUNCTUATION.indexOf(c) >= 0;
    }

    private static void appendEscaped(StringBuilder target, int value) {
        target.append('%').append(HEX[value >> 4]).append(HEX[value & 0xf]);
    }
}
