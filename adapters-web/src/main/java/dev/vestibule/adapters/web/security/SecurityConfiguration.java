package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.error.FormGuard;
import dev.vestibule.adapters.web.error.MalformedFormFilter;
import dev.vestibule.adapters.web.rememberme.RememberMeCookie;
import dev.vestibule.adapters.web.rememberme.RememberMeWebFilter;
import dev.vestibule.adapters.web.session.CookieSigner;
import dev.vestibule.adapters.web.session.PendingSignIns;
import dev.vestibule.adapters.web.session.SessionUserContextRepository;
import dev.vestibule.adapters.web.throttling.KnownBrowserCookie;
import dev.vestibule.domain.port.in.ForgetRememberedBrowser;
import dev.vestibule.domain.port.in.LoadCurrentUser;
import dev.vestibule.domain.port.in.LoadSecondFactors;
import dev.vestibule.domain.port.in.LogIn;
import dev.vestibule.domain.port.in.MarkBrowserKnown;
import dev.vestibule.domain.port.in.RecognizeRememberedBrowser;
import dev.vestibule.domain.port.in.RecordSecurityEvent;
import dev.vestibule.domain.port.in.RememberBrowser;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.reactive.result.view.ViewResolver;

/**
 * Who may see what, and how logging in and out works. Deny by default: only the listed public pages
 * are open, and paths that no handler serves (the 404 page for everyone); everything else needs a login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline scripts or styles, nothing from other origins, no framing, forms post only to us. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /** One CSRF token store, shared by the CSRF filter and the sign-in that must replace the token. */
    private final ServerCsrfTokenRepository csrfTokens;
    /** Signs what our cookies carry for us to believe later (the CSRF token, a failed login's name). */
    private final CookieSigner cookieSigner;

    SecurityConfiguration(CookieSigner cookieSigner) {
        this.cookieSigner = cookieSigner;
        this.csrfTokens = new CsrfCookieRepository(cookieSigner);
    }

    @Bean
    SessionUserContextRepository sessionUserContextRepository(
            LoadCurrentUser loadCurrentUser,
            SessionPolicy sessionPolicy,
            Clock clock,
            RecordSecurityEvent recordSecurityEvent) {
        return new SessionUserContextRepository(
                loadCurrentUser, csrfTokens, sessionPolicy.absoluteTimeout(), clock, recordSecurityEvent);
    }

    @Bean
    PendingSignIns pendingSignIns(Clock clock) {
        return new PendingSignIns(clock);
    }

    @Bean
    SignInCompletion signInCompletion(
            SessionUserContextRepository contexts,
            RememberBrowser rememberBrowser,
            ForgetRememberedBrowser forgetRememberedBrowser,
            RememberMeCookie rememberMeCookie,
            MarkBrowserKnown markBrowserKnown,
            KnownBrowserCookie knownBrowserCookie) {
        return new SignInCompletion(
                contexts,
                rememberBrowser,
                forgetRememberedBrowser,
                rememberMeCookie,
                markBrowserKnown,
                knownBrowserCookie);
    }

    @Bean
    KnownBrowserCookie knownBrowserCookie(SessionPolicy sessionPolicy) {
        return new KnownBrowserCookie(sessionPolicy.knownBrowserLifetime());
    }

    @Bean
    SecurityWebFilterChain vestibuleSecurityFilterChain(
            ServerHttpSecurity http,
            SessionUserContextRepository contexts,
            LogIn logIn,
            SignInCompletion signInCompletion,
            PendingSignIns pendingSignIns,
            RecognizeRememberedBrowser recognizeRememberedBrowser,
            ForgetRememberedBrowser forgetRememberedBrowser,
            RememberMeCookie rememberMeCookie,
            KnownBrowserCookie knownBrowserCookie,
            RecordSecurityEvent recordSecurityEvent,
            Clock clock,
            ObjectProvider<RequestMappingInfoHandlerMapping> annotatedMappings,
            ObjectProvider<RouterFunctionMapping> functionalMappings,
            // issue 14: step-up (vestibule.two-factor.step-up-*), and what its 403 page is rendered with
            ObjectProvider<StepUp> stepUp,
            LoadSecondFactors loadSecondFactors,
            ServerCodecConfigurer codecs,
            ObjectProvider<ViewResolver> viewResolvers) {
        var loginRequired = new LoginRequiredEntryPoint();
        // issue 14: step-up
        var secondFactorRequirement =
                new SecondFactorRequirement(stepUp.getIfAvailable(StepUp::none), loadSecondFactors, clock);
        var errorPage = new StepUpDeniedHandler(
                new ErrorPageAccessDeniedHandler(),
                secondFactorRequirement.windowMinutes(),
                codecs.getWriters(),
                viewResolvers.orderedStream().toList());
        var clearContext = new SecurityContextServerLogoutHandler();
        clearContext.setSecurityContextRepository(contexts);
        return http.securityContextRepository(contexts)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/", "/css/**", "/favicon.ico")
                        .permitAll()
                        // abuse resistance: the files crawlers and security researchers fetch
                        .pathMatchers(HttpMethod.GET, "/robots.txt", "/.well-known/security.txt")
                        .permitAll()
                        .pathMatchers("/login", "/register", "/error")
                        .permitAll()
                        // second factors: the second step of a sign-in (its state is not a signed-in session) and
                        // signing in with a passkey; and the self-hosted scripts of the passkey ceremonies
                        .pathMatchers("/login/two-factor", "/login/two-factor/*", "/login/passkey", "/login/passkey/*")
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, "/js/**")
                        .permitAll()
                        // Password reset: the request form and the pages its mailed links open.
                        .pathMatchers("/password-reset", "/password-reset/*")
                        .permitAll()
                        // email confirmation: the link is the proof, whoever is signed in (or nobody)
                        .pathMatchers("/email-confirmation/*")
                        .permitAll()
                        // The actuator answers on the management port only (management.server.port); on the
                        // public port these paths reach no handler, so they get the 404 page, not a login.
                        .pathMatchers("/actuator", "/actuator/**")
                        .permitAll()
                        // abuse resistance: a path no handler serves is the 404 page for everyone, not a login
                        .matchers(new UnroutedPaths(annotatedMappings, functionalMappings))
                        .permitAll()
                        // issue 14: step-up, the pages that need a recent second factor (none unless configured)
                        .matchers(secondFactorRequirement.pages())
                        .access(secondFactorRequirement)
                        .anyExchange()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .authenticationManager(new PasswordAuthenticationManager(logIn, knownBrowserCookie, clock))
                        .securityContextRepository(contexts)
                        .authenticationSuccessHandler(new LoginSuccessHandler(signInCompletion, pendingSignIns, clock))
                        .authenticationFailureHandler(new LoginFailureHandler(cookieSigner))
                        .authenticationEntryPoint(loginRequired))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutHandler(new DelegatingServerLogoutHandler(
                                clearContext,
                                new EndSessionLogoutHandler(
                                        forgetRememberedBrowser, rememberMeCookie, recordSecurityEvent)))
                        .logoutSuccessHandler(new LoggedOutSuccessHandler()))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(loginRequired).accessDeniedHandler(errorPage))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).accessDeniedHandler(errorPage))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicy(permissions -> permissions.policy(PERMISSIONS_POLICY)))
                .addFilterAfter(new MalformedFormFilter(), SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .addFilterBefore(new FormGuard(), SecurityWebFiltersOrder.CSRF)
                .addFilterAfter(
                        new RememberMeWebFilter(recognizeRememberedBrowser, contexts, rememberMeCookie, clock),
                        SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }
}
