package dev.vestibule.adapters.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SlowClientLogTests {

    private final Logger logger = (Logger) LoggerFactory.getLogger(SlowClientLog.class);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final SlowClientLog log = new SlowClientLog(Duration.ofSeconds(10), now::get);
    private final InetSocketAddress client = new InetSocketAddress("192.0.2.7", 40000);

    @BeforeEach
    void capture() {
        captured.start();
        logger.addAppender(captured);
    }

    @AfterEach
    void release() {
        logger.detachAppender(captured);
    }

    private long warnings() {
        return captured.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .count();
    }

    @Test
    void aBurstOfClosedConnectionsIsOneWarningAndTheNextMinuteReportsTheRestWithTheirCount() {
        for (int i = 0; i < 50; i++) {
            log.closed(client);
        }
        assertThat(warnings()).isOne();
        assertThat(captured.list.get(0).getFormattedMessage())
                .startsWith("Closed 1 connection(s) whose request head did not arrive within 10000 ms")
                .contains("latest from 192.0.2.7");

        now.addAndGet(Duration.ofSeconds(59).toNanos());
        log.closed(client);
        assertThat(warnings()).isOne();

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        log.closed(client);
        assertThat(warnings()).isEqualTo(2);
        assertThat(captured.list.stream()
                        .filter(event -> event.getLevel() == Level.WARN)
                        .reduce((first, second) -> second)
                        .orElseThrow()
                        .getFormattedMessage())
                .startsWith("Closed 51 connection(s)");
    }
}
