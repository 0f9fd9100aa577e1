package dev.vestibule.adapters.web.twofactor;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code drawn as inline SVG on the server: no image from a third party (the secret would travel to it), no
 * script, no style attribute (the Content-Security-Policy allows neither), dark modules on a white square whatever
 * the page's colour scheme, as scanners need.
 */
final class QrCodeSvg {

    /** Quiet zone around the code, in modules: the four the QR specification asks for. */
    private static final int BORDER = 4;

    private QrCodeSvg() {}

    /** The SVG element for {@code text}, labelled for screen readers by {@code label} (already escaped by us). */
    static String of(String text, String label) {
        QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = code.size + 2 * BORDER;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append('M')
                            .append(x + BORDER)
                            .append(',')
                            .append(y + BORDER)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" viewBox=\"0 0 " + size + " " + size
                + "\" role=\"img\" aria-label=\"" + escape(label) + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#ffffff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
