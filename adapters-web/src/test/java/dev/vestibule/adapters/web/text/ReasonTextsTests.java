package dev.vestibule.adapters.web.text;

import static dev.vestibule.adapters.web.text.TestTexts.english;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.login.LoginOutcome;
import dev.vestibule.domain.model.password.PasswordRejection;
import dev.vestibule.domain.model.user.EmailRejection;
import dev.vestibule.domain.model.user.UsernameRejection;
import dev.vestibule.domain.port.in.RegistrationProblem;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every typed reason the core can return has words in both languages, with its data in them. */
class ReasonTextsTests {

    @Test
    void everyRegistrationProblemTheCoreCanReturnHasATextInBothLanguages() {
        List<Object> problems = everyInstanceOf(RegistrationProblem.class);
        assertThat(problems)
                // issue 13 finding 8: breached, breach check unavailable
                .as("4 problems of their own, 3 of usernames, 2 of emails, 8 of passwords")
                .hasSize(17);
        for (Object problem : problems) {
            Text text = ReasonTexts.of((RegistrationProblem) problem);
            assertThat(TestTexts.in(Locale.GERMAN).get(text))
                    .as("%s", problem)
                    .isNotBlank()
                    .isNotEqualTo(TestTexts.in(Locale.ENGLISH).get(text));
        }
    }

    @Test
    void everySecurityEventAndTheLoginRejectionHaveATextInBothLanguages() {
        for (SecurityEventType type : SecurityEventType.values()) {
            assertThat(TestTexts.in(Locale.GERMAN).get(ReasonTexts.of(type)))
                    .as("%s", type)
                    .isNotEqualTo(english(ReasonTexts.of(type)));
        }
        assertThat(english(ReasonTexts.of(LoginOutcome.PublicReason.INVALID_CREDENTIALS)))
                .isEqualTo("Invalid username or password.");
        assertThat(TestTexts.in(Locale.GERMAN).get(ReasonTexts.of(LoginOutcome.PublicReason.INVALID_CREDENTIALS)))
                .isEqualTo("Benutzername oder Passwort ist falsch.");
    }

    /** The words the core used to write itself, now the English bundle's. */
    @Test
    void reasonsReadInEnglishAsTheyAlwaysDidWithTheirData() {
        assertThat(english(ReasonTexts.of(new UsernameRejection.Missing()))).isEqualTo("Please choose a username.");
        assertThat(english(ReasonTexts.of(new UsernameRejection.WrongLength(3, 32))))
                .isEqualTo("Username must be 3 to 32 characters long.");
        assertThat(english(ReasonTexts.of(new UsernameRejection.ForbiddenCharacters())))
                .isEqualTo("Username may contain only letters, digits, '.', '_' and '-'.");
        assertThat(english(ReasonTexts.of(new EmailRejection.Missing()))).isEqualTo("Please enter your email address.");
        assertThat(english(ReasonTexts.of(new EmailRejection.Malformed())))
                .isEqualTo("Please enter a valid email address, like name@example.com.");
        assertThat(english(ReasonTexts.of(new PasswordRejection.TooShort(8))))
                .isEqualTo("Password must be at least 8 characters long.");
        assertThat(english(ReasonTexts.of(new PasswordRejection.TooLong(1024))))
                .isEqualTo("Password must be at most 1024 characters long.");
        assertThat(english(ReasonTexts.of(new PasswordRejection.Common()))).contains("too common");
        assertThat(english(ReasonTexts.of(new PasswordRejection.Breached()))).contains("data breach");
        assertThat(english(ReasonTexts.of(new PasswordRejection.BreachCheckUnavailable())))
                .contains("try again");
        assertThat(english(ReasonTexts.of(new PasswordRejection.ContainsUsername())))
                .isEqualTo("Password must not contain your username.");
        assertThat(english(ReasonTexts.of(new PasswordRejection.ContainsEmail())))
                .isEqualTo("Password must not contain your email address.");
        assertThat(english(ReasonTexts.of(new PasswordRejection.ControlCharacters())))
                .contains("control characters");
        assertThat(english(ReasonTexts.of(new RegistrationProblem.UsernameTaken())))
                .isEqualTo("That username is already taken. Please choose another.");
        assertThat(english(ReasonTexts.of(new RegistrationProblem.EmailTaken())))
                .isEqualTo("An account with this email address already exists.");
        assertThat(english(ReasonTexts.of(new RegistrationProblem.PasswordMissing())))
                .isEqualTo("Please choose a password.");
        assertThat(english(ReasonTexts.of(new RegistrationProblem.PasswordsDiffer())))
                .isEqualTo("The two passwords do not match.");
    }

    @Test
    void reasonsReadInGermanWithTheirData() {
        Texts german = TestTexts.in(Locale.GERMAN);
        assertThat(german.get(ReasonTexts.of(new PasswordRejection.TooShort(12))))
                .isEqualTo("Das Passwort muss mindestens 12 Zeichen lang sein.");
        assertThat(german.get(ReasonTexts.of(new UsernameRejection.WrongLength(3, 32))))
                .isEqualTo("Der Benutzername muss 3 bis 32 Zeichen lang sein.");
    }

    /**
     * One instance of every record a sealed interface permits, nested sealed interfaces included: numbers are
     * 1, reasons are every instance of their own sealed type.
     */
    private static List<Object> everyInstanceOf(Class<?> sealed) {
        List<Object> instances = new ArrayList<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                instances.addAll(everyInstanceOf(permitted));
                continue;
            }
            RecordComponent[] components = permitted.getRecordComponents();
            if (components.length == 1 && components[0].getType().isSealed()) {
                for (Object reason : everyInstanceOf(components[0].getType())) {
                    instances.add(construct(permitted, reason));
                }
            } else {
                Object[] arguments = new Object[components.length];
                for (int i = 0; i < components.length; i++) {
                    assertThat(components[i].getType()).as("%s", permitted).isEqualTo(int.class);
                    arguments[i] = 1;
                }
                instances.add(construct(permitted, arguments));
            }
        }
        return instances;
    }

    private static Object construct(Class<?> record, Object... arguments) {
        try {
            Class<?>[] types = new Class<?>[record.getRecordComponents().length];
            for (int i = 0; i < types.length; i++) {
                types[i] = record.getRecordComponents()[i].getType();
            }
            Constructor<?> constructor = record.getDeclaredConstructor(types);
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
