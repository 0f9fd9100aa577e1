package dev.vestibule.bootstrap.nonblocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.HttpResources;

/**
 * BlockHound is installed in every test JVM of this module (by its JUnit Platform listener): a blocking
 * call on a thread that must never block fails instead of silently stalling every request on that thread.
 * Every other integration test therefore also proves that its journey blocks nothing.
 */
class BlockingDetectionIT {

    @Test
    void aBlockingCallOnAReactorNonBlockingThreadFails() {
        Mono<String> blocking = Mono.fromCallable(() -> {
                    Thread.sleep(1);
                    return "slept";
                })
                .subscribeOn(Schedulers.parallel());

        assertThatThrownBy(() -> blocking.block(Duration.ofSeconds(5)))
                .hasRootCauseInstanceOf(BlockingOperationError.class)
                .hasMessageContaining("Blocking call! java.lang.Thread.sleep");
    }

    @Test
    void aBlockingCallOnTheServersEventLoopFails() {
        var eventLoop = HttpResources.get().onServer(true).next();

        var submitted = eventLoop.submit(() -> {
            Thread.sleep(1);
            return "slept";
        });

        assertThatThrownBy(() -> submitted.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(BlockingOperationError.class);
    }

    @Test
    void blockingStaysAllowedWhereItBelongs() {
        Mono<String> blocking = Mono.fromCallable(() -> {
                    Thread.sleep(1);
                    return "slept";
                })
                .subscribeOn(Schedulers.boundedElastic());

        assertThat(blocking.block(Duration.ofSeconds(5))).isEqualTo("slept");
    }
}
