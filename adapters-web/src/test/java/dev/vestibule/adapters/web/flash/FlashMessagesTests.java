package dev.vestibule.adapters.web.flash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebSession;

class FlashMessagesTests {

    private final WebSession session = MockServerWebExchange.from(MockServerHttpRequest.get("/"))
            .getSession()
            .block(Duration.ofSeconds(5));

    @Test
    void takeFromThenReturnsMessagesInOrderOnceAndThenNone() {
        FlashMessages.add(session, new FlashMessage(FlashCategory.INFO, "first"));
        FlashMessages.add(session, new FlashMessage(FlashCategory.DANGER, "second"));

        assertThat(FlashMessages.takeFrom(session))
                .containsExactly(
                        new FlashMessage(FlashCategory.INFO, "first"),
                        new FlashMessage(FlashCategory.DANGER, "second"));
        assertThat(FlashMessages.takeFrom(session)).isEmpty();
        assertThat(session.getAttributes()).doesNotContainKey(FlashMessages.SESSION_ATTRIBUTE);
    }

    @Test
    void addThenStoredAsPlainTextThatSurvivesAColonInTheMessage() {
        FlashMessages.add(session, new FlashMessage(FlashCategory.WARNING, "Note: it worked: twice"));

        assertThat(session.getAttributes().get(FlashMessages.SESSION_ATTRIBUTE))
                .isEqualTo(List.of("WARNING:Note: it worked: twice"));
        assertThat(FlashMessages.takeFrom(session))
                .containsExactly(new FlashMessage(FlashCategory.WARNING, "Note: it worked: twice"));
    }

    @Test
    void addWhenManyQueuedThenKeepsTheFirstTenOnly() {
        for (int i = 0; i < 25; i++) {
            FlashMessages.add(session, new FlashMessage(FlashCategory.INFO, "message " + i));
        }

        assertThat(FlashMessages.takeFrom(session))
                .hasSize(10)
                .first()
                .isEqualTo(new FlashMessage(FlashCategory.INFO, "message 0"));
    }

    @Test
    void takeFromWhenStoredValuesAreNotMessagesThenSkipsThem() {
        session.getAttributes()
                .put(
                        FlashMessages.SESSION_ATTRIBUTE,
                        List.of("NOPE:unknown category", "no separator", 42, "SUCCESS:kept"));

        assertThat(FlashMessages.takeFrom(session)).containsExactly(new FlashMessage(FlashCategory.SUCCESS, "kept"));
    }

    @Test
    void takeFromWhenAttributeIsNotAListThenNoMessages() {
        session.getAttributes().put(FlashMessages.SESSION_ATTRIBUTE, "SUCCESS:not a list");

        assertThat(FlashMessages.takeFrom(session)).isEmpty();
    }

    @Test
    void ariaRoleThenProblemsInterruptAndNewsWaits() {
        assertThat(new FlashMessage(FlashCategory.DANGER, "x").ariaRole()).isEqualTo("alert");
        assertThat(new FlashMessage(FlashCategory.WARNING, "x").ariaRole()).isEqualTo("alert");
        assertThat(new FlashMessage(FlashCategory.INFO, "x").ariaRole()).isEqualTo("status");
        assertThat(new FlashMessage(FlashCategory.SUCCESS, "x").cssClass()).isEqualTo("success");
    }
}
