package dev.vestibule.adapters.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.samskivert.mustache.Mustache;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.result.view.View;

class PrecompiledMustacheViewResolverTests {

    private final PrecompiledMustacheViewResolver resolver = resolverFailingOnAnyLoad();

    /** The compiler it is given may never load a template itself: everything was read at construction. */
    private static PrecompiledMustacheViewResolver resolverFailingOnAnyLoad() {
        Mustache.Compiler compiler = Mustache.compiler().withLoader(name -> {
            throw new AssertionError("template " + name + " loaded after startup");
        });
        var resolver = new PrecompiledMustacheViewResolver(
                compiler, "classpath:/precompiled-test/", ".mustache", StandardCharsets.UTF_8);
        resolver.setApplicationContext(new StaticApplicationContext());
        return resolver;
    }

    @Test
    void rendersATemplateWithItsPartialsWithoutLoadingAnything() {
        View view = resolver.resolveViewName("page", Locale.ROOT).block(Duration.ofSeconds(1));
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

        view.render(Map.of("greeting", "Hello", "name", "<Ada>"), MediaType.TEXT_HTML, exchange)
                .block(Duration.ofSeconds(1));

        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(1)))
                .isEqualTo("<main><p>Hello, &lt;Ada&gt;</p>\n</main>\n");
    }

    @Test
    void resolvesEachNameToOneViewForTheLifeOfTheApplication() {
        View first = resolver.resolveViewName("page", Locale.ROOT).block(Duration.ofSeconds(1));
        View again = resolver.resolveViewName("page", Locale.GERMAN).block(Duration.ofSeconds(1));

        assertThat(again).isSameAs(first);
    }

    @Test
    void aNameWithoutATemplateResolvesToNothingSoTheNextResolverMayTry() {
        assertThat(resolver.resolveViewName("no/such/page", Locale.ROOT).blockOptional(Duration.ofSeconds(1)))
                .isEmpty();
    }
}
