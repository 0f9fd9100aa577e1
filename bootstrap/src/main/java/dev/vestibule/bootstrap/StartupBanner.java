package dev.vestibule.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the service where to point their browser (and their monitoring). */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            log.info(
                    "Health probes and metrics at http://localhost:{}/actuator/health and /actuator/prometheus",
                    event.getWebServer().getPort());
        } else {
            log.info(
                    "Vestibule is running at http://localhost:{}/",
                    event.getWebServer().getPort());
        }
    }
}
