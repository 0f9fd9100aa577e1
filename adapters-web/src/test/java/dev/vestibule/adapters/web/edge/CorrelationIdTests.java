package dev.vestibule.adapters.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CorrelationIdTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "3f2a9c1e-7b4d-4e8a-9f00-1c2d3e4f5a6b",
                "0A1B2C3D",
                "Root=1-67891233-abcdef012345678912345678",
                "haproxy:7F000001:C8F2_0A00000B:1F90_655C4E21_0001:1A2B",
                "x"
            })
    void aPlausibleIdFromTheProxyIsKept(String id) {
        assertThat(CorrelationId.from(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "two words", "line\nbreak", "quote\"d", "{\"json\":1}", "%0d%0a", "ünïcode", "<script>"})
    void anythingElseIsReplacedByAFreshId(String id) {
        assertThat(CorrelationId.from(id)).isNotEqualTo(id).matches("[0-9a-f]{32}");
    }

    @Test
    void anOverlongIdIsReplaced() {
        assertThat(CorrelationId.from("a".repeat(129))).matches("[0-9a-f]{32}");
        assertThat(CorrelationId.from("a".repeat(128))).isEqualTo("a".repeat(128));
    }

    @Test
    void noIdMeansAFreshOneAndFreshOnesDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 100_000).forEach(i -> ids.add(CorrelationId.from(null)));

        assertThat(ids).hasSize(100_000).allMatch(id -> id.matches("[0-9a-f]{32}"));
    }

    @Test
    void theCurrentIdIsReadFromTheReactorContext() {
        StepVerifier.create(
                        CorrelationId.current().contextWrite(context -> context.put(CorrelationId.CONTEXT_KEY, "abc")))
                .expectNext("abc")
                .verifyComplete();
        StepVerifier.create(CorrelationId.current().switchIfEmpty(Mono.just("none")))
                .expectNext("none")
                .verifyComplete();
    }
}
