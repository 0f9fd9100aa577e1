package dev.vestibule.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.WebAdapterTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * A visitor who has not signed in gets the site's 404 page for a path no handler serves, and the login for every
 * page that exists. The routes are read from the handler mappings, the same place {@link UnroutedPaths} reads
 * them, so a new controller cannot be left out of either list.
 */
@WebAdapterTest
class UnknownPathsTests {

    /** The pages a visitor may open without signing in; every other GET route must ask for a login. */
    private static final Set<String> PUBLIC_GET_ROUTES = Set.of(
            "/",
            "/login",
            "/register",
            "/robots.txt",
            "/.well-known/security.txt",
            "/email-confirmation/{token}",
            "/password-reset",
            "/password-reset/{token}");

    @Autowired
    WebTestClient client;

    @Autowired
    RequestMappingHandlerMapping handlerMapping;

    @Test
    void anUnknownPathIsTheSites404PageForAVisitorNotALoginAndCostsNoSession() {
        for (String path : List.of(
                "/no/such/page", "/.well-known/change-password-nope", "/account/activity/more", "/wp-login.php")) {
            Page page = new Browser(client).get(path);

            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.heading()).as(path).isEqualTo("Page not found");
            assertThat(page.cookie("SESSION")).as(path).isEmpty();
            assertThat(page.headers().getFirst("Content-Security-Policy"))
                    .as(path)
                    .isNotBlank();
        }
    }

    @Test
    void everyGetRouteIsEitherPublicOrAsksAVisitorToLogInAndNoneIs404() {
        List<String> getRoutes = handlerMapping.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().isEmpty()
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .flatMap(info -> patternsOf(info).stream())
                .distinct()
                .toList();
        assertThat(getRoutes).contains("/account/activity", "/top-secret", "/robots.txt");

        for (String route : getRoutes) {
            String path = route.replaceAll("\\{[^}]+}", "x");
            Page page = new Browser(client).get(path);
            if (route.equals("/login/two-factor")) {
                // issue 14: twofactor. Open to a pending sign-in only; a visitor without one goes to the login page.
                assertThat(page.statusCode()).as("pending only %s", route).isEqualTo(302);
                assertThat(page.location()).as(route).isEqualTo("/login");
            } else if (PUBLIC_GET_ROUTES.contains(route)) {
                assertThat(page.statusCode()).as("public %s", route).isNotIn(302, 303);
            } else {
                assertThat(page.statusCode()).as("protected %s", route).isEqualTo(302);
                assertThat(page.location()).as(route).isEqualTo("/login?next=" + path);
            }
        }
    }

    private static List<String> patternsOf(RequestMappingInfo info) {
        return info.getPatternsCondition().getPatterns().stream()
                .map(Object::toString)
                .toList();
    }
}
