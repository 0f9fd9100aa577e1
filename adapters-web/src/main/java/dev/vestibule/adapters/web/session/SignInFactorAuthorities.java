package dev.vestibule.adapters.web.session;

import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A sign-in's factors as Spring Security 7's {@link FactorGrantedAuthority} (which factor, issued when), beside the
 * user's role. Spring's reactive stack has no multi-factor model yet; speaking its vocabulary means pages can ask
 * "a second factor within N minutes" the way a servlet application would, and the code can move onto Spring's own
 * once it exists. Spring's names where it has one (PASSWORD, WEBAUTHN), ours beside them otherwise.
 */
public final class SignInFactorAuthorities {

    static final GrantedAuthority USER = new SimpleGrantedAuthority("ROLE_USER");

    private SignInFactorAuthorities() {}

    /** The role, and one factor authority per proof. */
    public static List<GrantedAuthority> of(SignInFactors factors) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(USER);
        for (SignInFactors.Proof proof : factors.proofs()) {
            authorities.add(FactorGrantedAuthority.withAuthority(authorityOf(proof.factor()))
                    .issuedAt(proof.at())
                    .build());
        }
        return List.copyOf(authorities);
    }

    /** The factors an authentication carries, in the order given; empty if it carries none we know. */
    public static Optional<SignInFactors> of(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        List<SignInFactors.Proof> proofs = new ArrayList<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (authority instanceof FactorGrantedAuthority factor) {
                factorOf(factor.getAuthority())
                        .ifPresent(known -> proofs.add(new SignInFactors.Proof(known, factor.getIssuedAt())));
            }
        }
        return proofs.isEmpty() ? Optional.empty() : Optional.of(new SignInFactors(proofs));
    }

    /** Spring's authority name of a factor: {@code FACTOR_PASSWORD}, {@code FACTOR_WEBAUTHN}, {@code FACTOR_TOTP} ... */
    public static String authorityOf(Factor factor) {
        return switch (factor) {
            case PASSWORD -> FactorGrantedAuthority.PASSWORD_AUTHORITY;
            case PASSKEY -> FactorGrantedAuthority.WEBAUTHN_AUTHORITY;
            case AUTHENTICATOR_APP -> "FACTOR_TOTP";
            case RECOVERY_CODE -> "FACTOR_RECOVERY_CODE";
            case REMEMBERED_BROWSER -> "FACTOR_REMEMBER_ME";
        };
    }

    private static Optional<Factor> factorOf(String authority) {
        for (Factor factor : Factor.values()) {
            if (authorityOf(factor).equals(authority)) {
                return Optional.of(factor);
            }
        }
        return Optional.empty();
    }
}
