package dev.vestibule.bootstrap.nonblocking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import org.junit.jupiter.api.Test;

/** The stylesheet is read from the classpath: that must not block the event loop that serves it either. */
class StaticFilesIT {

    @Test
    void theStylesheetIsServedWithoutBlockingTheEventLoop() {
        Page stylesheet = new Browser(RunningVestibule.shared().baseUrl()).get("/css/app.css");

        assertThat(stylesheet.status()).isEqualTo(200);
        assertThat(stylesheet.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(stylesheet.body()).isNotBlank();
    }
}
