package dev.vestibule.bootstrap.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for request lines no well-behaved client library will send (raw "|" or a
 * stray "%" in the target): the bytes of the target go out exactly as given.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 20_000;

    private RawHttp() {}

    /** GETs {@code rawTarget} (its chars are sent as single bytes, ISO-8859-1) and reads the whole response. */
    public static Page get(String baseUrl, String rawTarget) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawTarget + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                            + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /**
     * POSTs a URL-encoded form to {@code rawTarget} with exactly these request headers (a {@code Host} among
     * them replaces the real one: a poisoned Host header) and reads the whole response.
     */
    public static Page post(String baseUrl, String rawTarget, Map<String, String> headers, String formBody) {
        URI base = URI.create(baseUrl);
        byte[] body = formBody.getBytes(StandardCharsets.UTF_8);
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("Host", base.getHost() + ":" + base.getPort());
        all.put("Accept", "text/html");
        all.put("Content-Type", "application/x-www-form-urlencoded");
        all.put("Content-Length", String.valueOf(body.length));
        all.put("Connection", "close");
        all.putAll(headers);
        StringBuilder head = new StringBuilder("POST " + rawTarget + " HTTP/1.1\r\n");
        all.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static Page read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(header.substring(colon + 1).trim());
        }
        boolean chunked = headers.getOrDefault("Transfer-Encoding", List.of()).stream()
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("chunked"));
        byte[] body = chunked ? dechunk(in) : in.readAllBytes();
        return new Page(
                status, HttpHeaders.of(headers, (name, value) -> true), new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
            body.write(in.readNBytes(size));
            line(in);
        }
        return body.toByteArray();
    }

    private static int chunkSize(InputStream in) throws IOException {
        String sizeLine = line(in);
        int extension = sizeLine.indexOf(';');
        return Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in the middle of a line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
