package dev.vestibule.adapters.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;

/**
 * A WebFlux slice with the real security configuration, the way bootstrap runs it (which also leaves
 * out Boot's generated in-memory user). Every slice test uses exactly this, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebFluxTest(excludeAutoConfiguration = ReactiveUserDetailsServiceAutoConfiguration.class)
public @interface WebAdapterTest {}
