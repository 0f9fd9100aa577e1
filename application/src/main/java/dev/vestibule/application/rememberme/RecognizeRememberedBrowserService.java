package dev.vestibule.application.rememberme;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.RecognizeRememberedBrowser;
import dev.vestibule.domain.port.in.RememberedBrowserRecognition;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.SignedInSessions;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Recognizes a remembered browser: rotates its secret on every use and revokes a series whose old secret
 * reappears, ending every session that series opened (the thief's among them) and mailing the user. The secret
 * the last rotation replaced still signs in the browser that rotated, a few times within a few seconds (its tabs
 * restored at once); each such use is recorded as a grace use, and any other use of it is theft.
 */
public final class RecognizeRememberedBrowserService implements RecognizeRememberedBrowser {

    private static final RememberedBrowserRecognition NOT_RECOGNIZED = new RememberedBrowserRecognition.NotRecognized();

    private final RememberedBrowserRepository devices;
    private final UserRepository users;
    private final RememberMeSettings settings;
    private final Clock clock;
    private final SecureRandom random;
    private final SecurityEvents events;
    private final TheftResponse theftResponse;

    /**
     * What theft detection does beyond revoking the series: end the sessions the stolen series opened,
     * and mail the user a notice (queued in the same transaction as the revocation).
     */
    public record TheftResponse(SignedInSessions signedInSessions, Transactions transactions, MailOutbox outbox) {
        public TheftResponse {
            Objects.requireNonNull(signedInSessions, "signedInSessions");
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(outbox, "outbox");
        }
    }

    public RecognizeRememberedBrowserService(
            RememberedBrowserRepository devices,
            UserRepository users,
            RememberMeSettings settings,
            Clock clock,
            SecureRandom random,
            SecurityEvents events,
            TheftResponse theftResponse) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.users = Objects.requireNonNull(users, "users");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.events = Objects.requireNonNull(events, "events");
        this.theftResponse = Objects.requireNonNull(theftResponse, "theftResponse");
    }

    @Override
    public Mono<RememberedBrowserRecognition> recognize(RememberMeToken token, Origin origin) {
        return recognize(token, origin, true).flatMap(recognition -> {
            if (recognition instanceof RememberedBrowserRecognition.Recognized recognized) {
                // No next token: a parallel request rotated, and this one was let in by the grace.
                return events.record(
                                recognized.nextToken().isPresent()
                                        ? SecurityEventType.REMEMBER_ME_USED
                                        : SecurityEventType.REMEMBER_ME_GRACE_USED,
                                recognized.user().id(),
                                origin)
                        .thenReturn(recognition);
            }
            if (recognition instanceof RememberedBrowserRecognition.TheftDetected theft) {
                return events.record(SecurityEventType.REMEMBER_ME_THEFT_DETECTED, theft.userId(), origin)
                        .then(theftResponse.signedInSessions().endOpenedBy(theft.userId(), Handle.of(token.series())))
                        .thenReturn(recognition);
            }
            return Mono.just(recognition);
        });
    }

    private Mono<RememberedBrowserRecognition> recognize(RememberMeToken token, Origin origin, boolean mayRetry) {
        return devices.findBySeries(token.series())
                .flatMap(device -> {
                    Instant now = clock.instant();
                    return switch (device.recognize(token, origin, now, settings.rotationGrace())) {
                        case CURRENT -> rotate(device, token, origin, now, mayRetry);
                        case JUST_ROTATED -> spendGraceUse(device, token, origin, mayRetry);
                        case STOLEN ->
                            revokeStolen(device, now)
                                    .thenReturn(new RememberedBrowserRecognition.TheftDetected(device.userId()));
                        case EXPIRED -> devices.remove(device.series()).thenReturn(NOT_RECOGNIZED);
                    };
                })
                .defaultIfEmpty(NOT_RECOGNIZED);
    }

    /**
     * Revokes the series and queues the notice in one transaction. Where it came from is the thief's
     * request, so the notice names the browser the series was remembered for; its language is the
     * fallback, as the request that tells us is not the user's.
     */
    private Mono<Void> revokeStolen(RememberedBrowser device, Instant now) {
        Mono<Void> notice = users.findById(device.userId())
                .flatMap(user -> theftResponse
                        .outbox()
                        .enqueue(
                                new SecurityNotice(
                                        user.id(),
                                        user.email(),
                                        user.username(),
                                        Mail.language(null),
                                        SecurityNotice.Notice.REMEMBERED_BROWSER_THEFT,
                                        now,
                                        device.origin()),
                                now));
        return theftResponse
                .transactions()
                .inTransaction(devices.remove(device.series()).then(notice));
    }

    /** Losing the rotation race means a parallel request rotated first: judge the token again, once. */
    private Mono<RememberedBrowserRecognition> rotate(
            RememberedBrowser device, RememberMeToken token, Origin origin, Instant now, boolean mayRetry) {
        RememberMeToken next = token.rotate(random);
        return devices.replace(device, device.rotatedTo(next, origin, now)).flatMap(won -> {
            if (won) {
                return signIn(device, Optional.of(next));
            }
            return mayRetry ? recognize(token, origin, false) : Mono.just(NOT_RECOGNIZED);
        });
    }

    /**
     * The grace uses are counted in the store, so that parallel requests on every instance share them. Not
     * spending one means the last use went to a parallel request, or the secret rotated again meanwhile: judge
     * the token again, once (now it is theft); a second miss signs nobody in.
     */
    private Mono<RememberedBrowserRecognition> spendGraceUse(
            RememberedBrowser device, RememberMeToken token, Origin origin, boolean mayRetry) {
        return devices.spendGraceUse(device, settings.rotationGraceUses()).flatMap(spent -> {
            if (spent) {
                return signIn(device, Optional.empty());
            }
            return mayRetry ? recognize(token, origin, false) : Mono.just(NOT_RECOGNIZED);
        });
    }

    /**
     * Only an active user whose security stamp is still the one the browser was remembered under: after a
     * password change or reset, a "log out everywhere" or the account being disabled (even if enabled again
     * since), the browser is forgotten.
     */
    private Mono<RememberedBrowserRecognition> signIn(RememberedBrowser device, Optional<RememberMeToken> next) {
        return users.findById(device.userId())
                .filter(User::isActive)
                .filter(device::isStampCurrentFor)
                .map(user -> (RememberedBrowserRecognition) new RememberedBrowserRecognition.Recognized(user, next))
                .switchIfEmpty(Mono.defer(() -> devices.remove(device.series()).thenReturn(NOT_RECOGNIZED)));
    }
}
