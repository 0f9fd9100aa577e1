package dev.vestibule.bootstrap.support;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** URL-encoded form bodies built by hand, with whatever repetitions, omissions and charsets a test needs. */
public final class FormBodies {

    public static final String FORM = "application/x-www-form-urlencoded";

    private FormBodies() {}

    /** Name, value, name, value, ...: names may repeat, in the order given. */
    public static String encode(String... namesAndValues) {
        return encode(StandardCharsets.UTF_8, namesAndValues);
    }

    public static String encode(Charset charset, String... namesAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(URLEncoder.encode(namesAndValues[i], charset) + "="
                    + URLEncoder.encode(namesAndValues[i + 1], charset));
        }
        return String.join("&", pairs);
    }

    public static String encode(Map<String, String> fields) {
        return encode(fields.entrySet().stream()
                .flatMap(field -> Stream.of(field.getKey(), field.getValue()))
                .toArray(String[]::new));
    }

    /** A complete, acceptable sign-up form for {@code username}, with the token the page carried. */
    public static Map<String, String> registration(String csrfToken, String username) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrfToken);
        fields.put("username", username);
        fields.put("email", TestUsers.emailOf(username));
        fields.put("password", TestUsers.PASSWORD);
        fields.put("password2", TestUsers.PASSWORD);
        return fields;
    }

    /** A complete login form with the right password for {@code username}. */
    public static Map<String, String> login(String csrfToken, String username) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrfToken);
        fields.put("username", username);
        fields.put("password", TestUsers.PASSWORD);
        return fields;
    }

    /** Each char as one byte: an encoded form is ASCII, and a test may slip raw ISO-8859-1 bytes in. */
    public static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }
}
