package dev.vestibule.application.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.InMemoryAttemptLimiter;
import dev.vestibule.application.fakes.InMemoryKnownBrowserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.KnownBrowser;
import dev.vestibule.domain.model.throttling.LoginSurge;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.model.throttling.ThrottleKeys;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
import dev.vestibule.domain.model.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class LoginThrottleTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final AttemptLimit PER_ACCOUNT = new AttemptLimit("account", 3, Duration.ofMinutes(1));
    private static final AttemptLimit PER_DEVICE = new AttemptLimit("device", 4, Duration.ofMinutes(1));
    private static final AttemptLimit PER_ADDRESS = new AttemptLimit("client", 6, Duration.ofSeconds(10));
    private static final ThrottlePolicy POLICY = new ThrottlePolicy(
            PER_ACCOUNT, PER_DEVICE, PER_ADDRESS, ThrottlePolicy.DEFAULT.registrationsPerClientAddress());
    private static final String ADDRESS = "203.0.113.7";

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryKnownBrowserRepository knownBrowsers = new InMemoryKnownBrowserRepository();
    private final LoginThrottle throttle =
            new LoginThrottle(new InMemoryAttemptLimiter(clock), knownBrowsers, POLICY, clock);
    private final UserId alice = UserId.random();

    @Test
    void acquireTakesATokenBeforeAnyCheckSoAttemptsCountEvenUnfinished() {
        LoginThrottle.Buckets buckets = bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.empty());

        IntStream.range(0, PER_ACCOUNT.capacity()).forEach(i -> assertGranted(buckets));

        // Nothing was released: the account's allowance is spent by attempts that never reported back.
        assertDenied(buckets);
    }

    @Test
    void releaseGivesTheTokensBackSoSuccessfulAttemptsNeverCount() {
        LoginThrottle.Buckets buckets = bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.empty());

        for (int i = 0; i < PER_ACCOUNT.capacity() * PER_ADDRESS.capacity(); i++) {
            assertGranted(buckets);
            StepVerifier.create(throttle.release(buckets)).verifyComplete();
        }
        assertGranted(buckets);
    }

    @Test
    void releaseNeverRaisesABucketAboveItsCapacity() {
        LoginThrottle.Buckets buckets = bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.empty());
        StepVerifier.create(throttle.release(buckets).then(throttle.release(buckets)))
                .verifyComplete();

        IntStream.range(0, PER_ACCOUNT.capacity()).forEach(i -> assertGranted(buckets));
        assertDenied(buckets);
    }

    @Test
    void deniedAttemptSaysHowLongToWaitAndAfterThatOneMoreIsAllowed() {
        LoginThrottle.Buckets buckets = bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.empty());
        IntStream.range(0, PER_ACCOUNT.capacity()).forEach(i -> assertGranted(buckets));

        Duration wait = assertDenied(buckets);
        assertThat(wait).isPositive().isLessThanOrEqualTo(PER_ACCOUNT.refillEvery());

        clock.advance(wait);
        assertGranted(buckets);
        assertDenied(buckets);
    }

    @Test
    void attemptsOnOneAccountFromManyAddressesAreLimitedPerAccount() {
        IntStream.range(0, PER_ACCOUNT.capacity())
                .forEach(i ->
                        assertGranted(bucketsFor("198.51.100." + i, "alice", Optional.of(alice), Optional.empty())));

        assertDenied(bucketsFor("198.51.100.200", "alice", Optional.of(alice), Optional.empty()));
        assertGranted(bucketsFor("198.51.100.200", "bob", Optional.of(UserId.random()), Optional.empty()));
    }

    @Test
    void attemptsOnManyAccountsFromOneAddressAreLimitedPerAddress() {
        IntStream.range(0, PER_ADDRESS.capacity())
                .forEach(i ->
                        assertGranted(bucketsFor(ADDRESS, "user" + i, Optional.of(UserId.random()), Optional.empty())));

        assertDenied(bucketsFor(ADDRESS, "one-more", Optional.of(UserId.random()), Optional.empty()));
        assertGranted(bucketsFor("198.51.100.9", "one-more", Optional.of(UserId.random()), Optional.empty()));
    }

    @Test
    void whenTheAddressIsExhaustedThenTheAccountIsNotCharged() {
        IntStream.range(0, PER_ADDRESS.capacity())
                .forEach(i ->
                        assertGranted(bucketsFor(ADDRESS, "user" + i, Optional.of(UserId.random()), Optional.empty())));
        assertDenied(bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.empty()));

        IntStream.range(0, PER_ACCOUNT.capacity())
                .forEach(i ->
                        assertGranted(bucketsFor("198.51.100." + i, "alice", Optional.of(alice), Optional.empty())));
    }

    @Test
    void unknownUsernamesAreThrottledExactlyLikeRealOnes() {
        LoginThrottle.Buckets real = bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.empty());
        LoginThrottle.Buckets unknown = bucketsFor("198.51.100.1", "nobody", Optional.empty(), Optional.empty());
        IntStream.range(0, PER_ACCOUNT.capacity()).forEach(i -> {
            assertGranted(real);
            assertGranted(unknown);
        });

        assertThat(assertDenied(unknown)).isEqualTo(assertDenied(real));
        assertThat(unknown.all())
                .extracting(LoginThrottle.Bucket::limit)
                .isEqualTo(real.all().stream().map(LoginThrottle.Bucket::limit).toList());
    }

    @Test
    void unknownUsernamesShareABucketWhateverTheirCaseAndSurroundingBlanks() {
        IntStream.range(0, PER_ACCOUNT.capacity())
                .forEach(i -> assertGranted(bucketsFor(
                        "198.51.100." + i, i % 2 == 0 ? "  Nobody " : "NOBODY", Optional.empty(), Optional.empty())));

        assertDenied(bucketsFor("198.51.100.99", "nobody", Optional.empty(), Optional.empty()));
    }

    @Test
    void aKnownBrowserHasItsOwnAllowanceWhenSomeoneElseExhaustedTheAccount() {
        String device = knownBrowserOf(alice, Duration.ofDays(30));
        IntStream.range(0, PER_ACCOUNT.capacity())
                .forEach(i ->
                        assertGranted(bucketsFor("198.51.100." + i, "alice", Optional.of(alice), Optional.empty())));
        assertDenied(bucketsFor("198.51.100.50", "alice", Optional.of(alice), Optional.empty()));

        LoginThrottle.Buckets fromTheDevice = bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.of(device));
        IntStream.range(0, PER_DEVICE.capacity()).forEach(i -> assertGranted(fromTheDevice));
        assertDenied(fromTheDevice);
    }

    @Test
    void aKnownBrowserSpendingItsAllowanceLeavesTheAccountsUntouched() {
        String device = knownBrowserOf(alice, Duration.ofDays(30));
        LoginThrottle.Buckets fromTheDevice = bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.of(device));
        IntStream.range(0, PER_DEVICE.capacity()).forEach(i -> assertGranted(fromTheDevice));
        assertDenied(fromTheDevice);

        IntStream.range(0, PER_ACCOUNT.capacity())
                .forEach(i ->
                        assertGranted(bucketsFor("198.51.100." + i, "alice", Optional.of(alice), Optional.empty())));
    }

    @Test
    void eachKnownBrowserHasAnAllowanceOfItsOwn() {
        LoginThrottle.Buckets first = bucketsFor(
                ADDRESS, "alice", Optional.of(alice), Optional.of(knownBrowserOf(alice, Duration.ofDays(30))));
        LoginThrottle.Buckets second = bucketsFor(
                "198.51.100.1", "alice", Optional.of(alice), Optional.of(knownBrowserOf(alice, Duration.ofDays(30))));
        IntStream.range(0, PER_DEVICE.capacity()).forEach(i -> assertGranted(first));
        assertDenied(first);

        assertGranted(second);
    }

    @Test
    void aKnownBrowserStillPaysIntoTheAddressAllowance() {
        String device = knownBrowserOf(alice, Duration.ofDays(30));
        IntStream.range(0, PER_ADDRESS.capacity())
                .forEach(i ->
                        assertGranted(bucketsFor(ADDRESS, "user" + i, Optional.of(UserId.random()), Optional.empty())));

        assertDenied(bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.of(device)));
    }

    @Test
    void aDeviceKnownForAnotherAccountCountsAgainstThisAccount() {
        String bobsDevice = knownBrowserOf(UserId.random(), Duration.ofDays(30));

        assertThat(bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.of(bobsDevice)))
                .isEqualTo(bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.empty()));
    }

    @Test
    void anExpiredDeviceCountsAgainstTheAccount() {
        String device = knownBrowserOf(alice, Duration.ofDays(30));
        clock.advance(Duration.ofDays(30));

        assertThat(bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.of(device)))
                .isEqualTo(bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.empty()));
    }

    @Test
    void aDeviceIdForAnUnknownUsernameCountsAgainstTheUsername() {
        String device = knownBrowserOf(alice, Duration.ofDays(30));

        assertThat(bucketsFor(ADDRESS, "nobody", Optional.empty(), Optional.of(device)))
                .isEqualTo(bucketsFor(ADDRESS, "nobody", Optional.empty(), Optional.empty()));
    }

    @Test
    void aMalformedDeviceIdCountsAgainstTheAccount() {
        assertThat(bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.of("not-a-device-id")))
                .isEqualTo(bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.empty()));
    }

    @Test
    void bucketsAreNamedSoThatAccountsAddressesAndDevicesNeverCollide() {
        String device = knownBrowserOf(alice, Duration.ofDays(30));

        assertThat(bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.empty())
                        .all())
                .extracting(LoginThrottle.Bucket::key)
                .containsExactly("client:" + ADDRESS, "account:" + alice + ":username");
        assertThat(bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.of(device))
                        .all())
                .extracting(LoginThrottle.Bucket::key)
                .containsExactly("client:" + ADDRESS, "device:" + device);
        assertThat(bucketsFor(ADDRESS, "alice", Optional.empty(), Optional.empty())
                        .all())
                .extracting(LoginThrottle.Bucket::key)
                .containsExactly("client:" + ADDRESS, ThrottleKeys.unknownLogin("alice"))
                .allSatisfy(key -> assertThat(key).doesNotContain("alice"));
    }

    @Test
    void failuresAsAUsernameThenAsItsEmailAnswerTheSameForARealAccountAsForAnUnknownOne() {
        UserId bob = UserId.random();
        IntStream.range(0, PER_ACCOUNT.capacity()).forEach(i -> {
            assertGranted(bucketsFor("198.51.100." + i, "bob", Optional.of(bob), Optional.empty()));
            assertGranted(bucketsFor("198.51.101." + i, "nobody", Optional.empty(), Optional.empty()));
        });

        // The real account's email address answers as an unknown one's would: no hint that the two belong together.
        assertGranted(bucketsFor("198.51.100.99", "Bob@Example.com", Optional.of(bob), Optional.empty()));
        assertGranted(bucketsFor("198.51.101.99", "nobody@example.com", Optional.empty(), Optional.empty()));
        // And each form still has its own exact limit.
        assertThat(assertDenied(bucketsFor("198.51.100.98", "BOB", Optional.of(bob), Optional.empty())))
                .isEqualTo(assertDenied(bucketsFor("198.51.101.98", "NoBody", Optional.empty(), Optional.empty())));
    }

    @Test
    void aLoginEqualToAUserIdNeverLandsInThatUsersBucket() {
        IntStream.range(0, PER_ACCOUNT.capacity())
                .forEach(i -> assertGranted(
                        bucketsFor("198.51.100." + i, alice.toString(), Optional.empty(), Optional.empty())));

        assertGranted(bucketsFor("198.51.100.99", "alice", Optional.of(alice), Optional.empty()));
        assertThat(bucketsFor(ADDRESS, alice.toString(), Optional.empty(), Optional.empty())
                        .all()
                        .get(1)
                        .key())
                .isNotEqualTo(bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.empty())
                        .all()
                        .get(1)
                        .key());
    }

    @Test
    void ipv6AddressesOfOneNetworkShareTheAddressAllowance() {
        IntStream.range(0, PER_ADDRESS.capacity())
                .forEach(i -> assertGranted(bucketsFor(
                        "2001:db8:1:2::" + (i + 1), "user" + i, Optional.of(UserId.random()), Optional.empty())));

        assertDenied(bucketsFor("2001:db8:1:2:ffff::7", "fresh", Optional.of(UserId.random()), Optional.empty()));
        assertGranted(bucketsFor("2001:db8:1:3::1", "fresh", Optional.of(UserId.random()), Optional.empty()));
    }

    private String knownBrowserOf(UserId user, Duration lifetime) {
        KnownBrowser device = KnownBrowser.newFor(user, clock.instant(), lifetime, new SecureRandom());
        StepVerifier.create(knownBrowsers.add(device)).verifyComplete();
        return device.id();
    }

    // issue 13 finding 3: throttled bursts
    @Test
    void aRefusedAttemptCostsTheAddressATokenSoItCannotGoOnToOtherAccounts() {
        LoginThrottle.Buckets locked = bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.empty());
        IntStream.range(0, PER_ACCOUNT.capacity()).forEach(i -> assertGranted(locked));
        // The address has 6; 3 went on failures, 3 more on refused attempts.
        IntStream.range(0, PER_ADDRESS.capacity() - PER_ACCOUNT.capacity()).forEach(i -> assertDenied(locked));

        LoginThrottle.Buckets another = bucketsFor(ADDRESS, "bob", Optional.of(UserId.random()), Optional.empty());
        assertDenied(another);
    }

    @Test
    void theSubjectOfABurstIsTheAccountsBucketOrTheKnownBrowsers() {
        assertThat(bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.empty())
                        .subject())
                .isEqualTo(ThrottleKeys.account(alice, "alice"));
        String device = knownDevice();
        assertThat(bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.of(device))
                        .subject())
                .isEqualTo(ThrottleKeys.device(device));
    }

    // issue 13 finding 6: one browser known to several accounts
    @Test
    void aBrowserPresentingSeveralIdsGetsTheAllowanceOfTheOneTheAccountKnows() {
        String device = knownDevice();
        LoginThrottle.Buckets buckets = throttle.bucketsFor(
                        ADDRESS, "alice", Optional.of(alice), java.util.List.of("x".repeat(32), device))
                .block(Duration.ofSeconds(5));

        assertThat(buckets.knownBrowser()).isTrue();
        assertThat(buckets.subject()).isEqualTo(ThrottleKeys.device(device));
    }

    // issue 13 finding 4: the global failed-login rate
    @Test
    void whenFailuresEverywhereExceedTheRateUnknownBrowsersAreSlowedAndKnownOnesAreNot() {
        LoginSurge surge = new LoginSurge(
                new AttemptLimit("failures-everywhere", 3, Duration.ofSeconds(10)), Duration.ofSeconds(2));
        LoginThrottle surgeAware =
                new LoginThrottle(new InMemoryAttemptLimiter(clock), knownBrowsers, POLICY, surge, clock);
        LoginThrottle.Buckets unknown = bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.empty());
        LoginThrottle.Buckets known = bucketsFor(ADDRESS, "alice", Optional.of(alice), Optional.of(knownDevice()));

        IntStream.range(0, 3)
                .forEach(i -> StepVerifier.create(surgeAware.countFailure()).verifyComplete());
        assertThat(surgeAware.slowdownFor(unknown)).as("within the rate").isZero();

        StepVerifier.create(surgeAware.countFailure()).verifyComplete();
        assertThat(surgeAware.slowdownFor(unknown)).isEqualTo(Duration.ofSeconds(2));
        assertThat(surgeAware.slowdownFor(known)).isZero();

        // The surge ends once the bucket would be full again.
        clock.advance(surge.lasts());
        assertThat(surgeAware.slowdownFor(unknown)).isZero();
    }

    private String knownDevice() {
        KnownBrowser device = KnownBrowser.newFor(alice, NOW, Duration.ofDays(30), new SecureRandom());
        StepVerifier.create(knownBrowsers.add(device)).verifyComplete();
        return device.id();
    }

    private LoginThrottle.Buckets bucketsFor(
            String address, String login, Optional<UserId> user, Optional<String> device) {
        return throttle.bucketsFor(address, login, user, device).block(Duration.ofSeconds(5));
    }

    private void assertGranted(LoginThrottle.Buckets buckets) {
        StepVerifier.create(throttle.acquire(buckets))
                .expectNext(Permit.GRANTED)
                .verifyComplete();
    }

    private Duration assertDenied(LoginThrottle.Buckets buckets) {
        Permit permit = throttle.acquire(buckets).block(Duration.ofSeconds(5));
        assertThat(permit).isInstanceOf(Permit.Denied.class);
        return ((Permit.Denied) permit).retryAfter();
    }
}
