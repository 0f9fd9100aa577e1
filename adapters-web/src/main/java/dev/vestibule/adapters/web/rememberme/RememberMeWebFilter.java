package dev.vestibule.adapters.web.rememberme;

import dev.vestibule.adapters.web.edge.RequestLogging;
import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.session.Origins;
import dev.vestibule.adapters.web.session.SessionUserContextRepository;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.port.in.RecognizeRememberedBrowser;
import dev.vestibule.domain.port.in.RememberedBrowserRecognition;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Signs a remembered browser back in when its session is gone: Spring Security has no remember-me for
 * WebFlux, so this filter does what its servlet {@code RememberMeAuthenticationFilter} with persistent
 * tokens does. It runs only for requests with no signed-in session and a remember-me cookie.
 */
public final class RememberMeWebFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RememberMeWebFilter.class);

    private final RecognizeRememberedBrowser recognizeRememberedBrowser;
    private final SessionUserContextRepository contexts;
    private final RememberMeCookie cookie;
    private final Clock clock;

    public RememberMeWebFilter(
            RecognizeRememberedBrowser recognizeRememberedBrowser,
            SessionUserContextRepository contexts,
            RememberMeCookie cookie,
            Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recognizeRememberedBrowser =
                Objects.requireNonNull(recognizeRememberedBrowser, "recognizeRememberedBrowser");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.cookie = Objects.requireNonNull(cookie, "cookie");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!cookie.isPresent(exchange)) {
            return chain.filter(exchange);
        }
        return contexts.load(exchange)
                .map(signedIn -> true)
                .defaultIfEmpty(false)
                .flatMap(signedIn -> signedIn ? chain.filter(exchange) : recognize(exchange, chain));
    }

    private Mono<Void> recognize(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<RememberMeToken> token = cookie.read(exchange);
        if (token.isEmpty()) {
            cookie.clear(exchange);
            return chain.filter(exchange);
        }
        return recognizeRememberedBrowser
                .recognize(token.get(), Origins.of(exchange))
                .flatMap(recognition -> {
                    if (recognition instanceof RememberedBrowserRecognition.Recognized recognized) {
                        SecurityContext context = SessionUserContextRepository.contextFor(
                                recognized.user(), SignInFactors.of(Factor.REMEMBERED_BROWSER, clock.instant()));
                        recognized.nextToken().ifPresent(next -> cookie.write(exchange, next));
                        return contexts.save(exchange, context)
                                .then(SessionUserContextRepository.rememberedBrowser(exchange, token.get()))
                                .then(chain.filter(exchange))
                                .contextWrite(ReactiveSecurityContextHolder.withSecurityContext(Mono.just(context)));
                    }
                    cookie.clear(exchange);
                    if (recognition instanceof RememberedBrowserRecognition.TheftDetected theft) {
                        return RequestLogging.log(() -> log.warn(
                                        "Remember-me secret replayed after rotation: series revoked for user {}",
                                        theft.userId()))
                                .then(FlashMessages.add(exchange, FlashCategory.WARNING, "flash.remember-me-theft"))
                                .then(chain.filter(exchange));
                    }
                    return chain.filter(exchange);
                });
    }
}
