package dev.vestibule.domain.model.login;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The factors a sign-in rests on and when each was given, in the order given: what the session keeps, what the
 * sessions page shows ("password + app"), and what a page that needs a recent second factor (step-up) asks.
 */
public record SignInFactors(List<Proof> proofs) {

    /** One factor, given at one moment. */
    public record Proof(Factor factor, Instant at) {
        public Proof {
            Objects.requireNonNull(factor, "factor");
            Objects.requireNonNull(at, "at");
        }
    }

    private static final String PROOF_SEPARATOR = ";";
    private static final String AT_SEPARATOR = "@";

    public SignInFactors {
        Objects.requireNonNull(proofs, "proofs");
        proofs = List.copyOf(proofs);
        if (proofs.isEmpty()) {
            throw new IllegalArgumentException("a sign-in rests on at least one factor");
        }
    }

    public static SignInFactors of(Factor factor, Instant at) {
        return new SignInFactors(List.of(new Proof(factor, at)));
    }

    /** These factors and one more, given at {@code at} (a factor given again replaces its earlier moment). */
    public SignInFactors plus(Factor factor, Instant at) {
        List<Proof> next = new ArrayList<>(
                proofs.stream().filter(proof -> proof.factor() != factor).toList());
        next.add(new Proof(factor, at));
        return new SignInFactors(next);
    }

    /** The factors, in the order given. */
    public List<Factor> factors() {
        return proofs.stream().map(Proof::factor).toList();
    }

    public boolean includes(Factor factor) {
        return proofs.stream().anyMatch(proof -> proof.factor() == factor);
    }

    /** When {@code factor} was last given in this sign-in, if it was. */
    public Optional<Instant> givenAt(Factor factor) {
        return proofs.stream()
                .filter(proof -> proof.factor() == factor)
                .map(Proof::at)
                .findFirst();
    }

    /**
     * Whether the sign-in rests on more than one factor: the password and a second factor, or a passkey on its own
     * (user verification makes it something the user has and something they know or are, NIST SP 800-63B rev. 4).
     */
    public boolean isMultiFactor() {
        return includes(Factor.PASSKEY)
                || (includes(Factor.PASSWORD)
                        && proofs.stream().anyMatch(proof -> proof.factor().isSecondFactor()));
    }

    /**
     * Step-up: whether a second factor was given within {@code window} before {@code now}. A moment slightly in the
     * future still counts, as for the re-authentication window (instances' clocks differ by milliseconds).
     */
    public boolean secondFactorWithin(Duration window, Instant now) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(now, "now");
        return proofs.stream()
                .filter(proof -> proof.factor().isSecondFactor())
                .anyMatch(proof -> !proof.at().isAfter(now.plusSeconds(5))
                        && now.isBefore(proof.at().plus(window)));
    }

    /** The form a session keeps: {@code PASSWORD@2026-12-08T01:00:00Z;AUTHENTICATOR_APP@...}. */
    public String serialized() {
        return String.join(
                PROOF_SEPARATOR,
                proofs.stream()
                        .map(proof -> proof.factor().name() + AT_SEPARATOR + proof.at())
                        .toList());
    }

    /** Reads {@link #serialized()}; anything else (corrupted, from a release that knew other factors) is empty. */
    public static Optional<SignInFactors> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        List<Proof> proofs = new ArrayList<>();
        for (String part : stored.split(PROOF_SEPARATOR, -1)) {
            int at = part.indexOf(AT_SEPARATOR);
            if (at <= 0) {
                return Optional.empty();
            }
            try {
                proofs.add(new Proof(Factor.valueOf(part.substring(0, at)), Instant.parse(part.substring(at + 1))));
            } catch (IllegalArgumentException | DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
        return Optional.of(new SignInFactors(proofs));
    }
}
