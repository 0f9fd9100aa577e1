package dev.vestibule.bootstrap.support;

import static dev.vestibule.bootstrap.support.FormBodies.FORM;
import static dev.vestibule.bootstrap.support.FormBodies.bytes;
import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Objects;

/**
 * The setup the bad-input ITs share: a user to log in as, a fresh browser holding the complete form of one of
 * the two public pages with the CSRF token that page carried, and the checks that a refused post changed
 * nothing (nobody signed in, nobody stored).
 */
public final class FormPosts {

    public static final String LOGIN = "/login";
    public static final String REGISTER = "/register";

    private final RunningVestibule vestibule;

    public FormPosts(RunningVestibule vestibule) {
        this.vestibule = Objects.requireNonNull(vestibule, "vestibule");
    }

    /** A browser holding no cookies yet. */
    public Browser newBrowser() {
        return new Browser(vestibule.baseUrl());
    }

    /** Someone who signed up and logged out again: a user to log in as. */
    public String registeredUser(String prefix) {
        String username = uniqueUsername(prefix);
        Browser browser = newBrowser();
        browser.register(username, emailOf(username), PASSWORD);
        browser.logOut();
        return username;
    }

    /** The login form in a fresh browser, filled in with the right password for {@code username}. */
    public Form login(String username) {
        Browser browser = newBrowser();
        return new Form(browser, LOGIN, FormBodies.login(browser.csrfToken(LOGIN), username));
    }

    /** The sign-up form in a fresh browser, filled in completely and acceptably for {@code username}. */
    public Form registration(String username) {
        Browser browser = newBrowser();
        return new Form(browser, REGISTER, FormBodies.registration(browser.csrfToken(REGISTER), username));
    }

    /** {@link #login} or {@link #registration}, by the page's path. */
    public Form complete(String path, String username) {
        return switch (path) {
            case LOGIN -> login(username);
            case REGISTER -> registration(username);
            default -> throw new IllegalArgumentException("no public form at " + path);
        };
    }

    /** A form as the browser that opened its page holds it; a test changes the fields before posting them. */
    public record Form(Browser browser, String path, Map<String, String> fields) {

        /** The fields URL-encoded in UTF-8, as a browser sends them. */
        public String encoded() {
            return FormBodies.encode(fields);
        }

        /** Posts the fields as a browser posts a form. */
        public Page post() {
            return post(encoded());
        }

        /** Posts an already encoded body as a browser posts a form. */
        public Page post(String body) {
            return postBytes(FORM, bytes(body), false);
        }

        /** Posts bytes as they are: see {@link Browser#postBytes}. */
        public Page postBytes(String contentType, byte[] body, boolean chunked) {
            return browser.postBytes(path, contentType, body, chunked);
        }
    }

    public static long usersNamed(String username) {
        return RunningVestibule.queryForLong("SELECT count(*) FROM users WHERE lower(username) = lower(?)", username);
    }

    public static long usersWithEmail(String email) {
        return RunningVestibule.queryForLong("SELECT count(*) FROM users WHERE email = lower(?)", email);
    }

    public static long users() {
        return RunningVestibule.queryForLong("SELECT count(*) FROM users");
    }

    public static void assertStillAnonymous(Browser browser) {
        assertThat(browser.open("/").heading()).isEqualTo("Hello, Anonymous!");
    }
}
