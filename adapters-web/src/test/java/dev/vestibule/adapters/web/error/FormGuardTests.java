package dev.vestibule.adapters.web.error;

import static dev.vestibule.adapters.web.text.TestTexts.english;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The form contract on decoded forms; journeys in bootstrap post the same forms to the running site. */
class FormGuardTests {

    private static final long SEED = 0x5EED_F0A3L;
    private static final List<String> PATHS = List.of("/login", "/register");
    /** The three shapes of a refusal: fixed text around a field name from the contract, never the value sent. */
    private static final Pattern EXPLANATION =
            Pattern.compile("The field \u201c([a-z0-9_-]+)\u201d (was sent more than once"
                    + "|is longer than \\d+ characters|contains a NUL character, which no field accepts)\\.");

    @Test
    void generatedFormsWithinTheContractPass() {
        Random random = new Random(SEED);
        for (int i = 0; i < 2_000; i++) {
            List<FormGuard.Field> fields = FormGuard.FIELDS_BY_PATH.get(PATHS.get(random.nextInt(2)));
            MultiValueMap<String, String> form = conformingForm(random, fields);

            assertThat(FormGuard.problem(form, fields)).as("%s", form).isEmpty();
        }
    }

    @Test
    void generatedFormsWithOneViolationNameTheFieldAndNotTheValue() {
        Random random = new Random(SEED + 1);
        int[] byKind = new int[3];
        for (int i = 0; i < 2_000; i++) {
            List<FormGuard.Field> fields = FormGuard.FIELDS_BY_PATH.get(PATHS.get(random.nextInt(2)));
            MultiValueMap<String, String> form = conformingForm(random, fields);
            FormGuard.Field broken = fields.get(random.nextInt(fields.size()));
            int kind = random.nextInt(3);
            byKind[kind]++;
            String value = switch (kind) {
                case 0 -> randomText(random, broken.maxLength() + 1 + random.nextInt(50));
                case 1 -> withNul(random, randomText(random, random.nextInt(broken.maxLength())));
                default -> randomText(random, random.nextInt(broken.maxLength() + 1));
            };
            if (kind == 2) {
                form.add(broken.name(), value); // a second value, whether or not there was a first
                if (form.get(broken.name()).size() < 2) {
                    form.add(broken.name(), value);
                }
            } else {
                form.put(broken.name(), new ArrayList<>(List.of(value)));
            }

            var problem = FormGuard.problem(form, fields).map(text -> english(text));

            assertThat(problem).as("%s", form).isPresent();
            var matcher = EXPLANATION.matcher(problem.get());
            assertThat(matcher.matches()).as(problem.get()).isTrue();
            assertThat(matcher.group(1)).isEqualTo(broken.name());
        }
        assertThat(Arrays.stream(byKind).min().orElseThrow())
                .as("each kind of violation generated")
                .isGreaterThan(500);
    }

    @Test
    void lengthIsCountedInCharactersNotUtf16Units() {
        List<FormGuard.Field> fields = FormGuard.FIELDS_BY_PATH.get("/login");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("password", "\ud83d\ude00".repeat(1024)); // 1,024 characters, 2,048 UTF-16 units

        assertThat(FormGuard.problem(form, fields)).isEmpty();

        form.set("password", "\ud83d\ude00".repeat(1025));
        assertThat(FormGuard.problem(form, fields).map(text -> english(text)))
                .hasValue("The field \u201cpassword\u201d is longer than 1024 characters.");
    }

    @Test
    void aFieldWithoutAnEqualsSignCountsAsPresentAndEmpty() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", null);

        assertThat(FormGuard.problem(form, FormGuard.FIELDS_BY_PATH.get("/login")))
                .isEmpty();

        form.add("username", null);
        assertThat(FormGuard.problem(form, FormGuard.FIELDS_BY_PATH.get("/login"))
                        .map(text -> english(text)))
                .hasValue("The field \u201cusername\u201d was sent more than once.");
    }

    /** Each contract field absent, empty, or once within its limit; fields outside the contract anything at all. */
    private static MultiValueMap<String, String> conformingForm(Random random, List<FormGuard.Field> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (FormGuard.Field field : fields) {
            switch (random.nextInt(5)) {
                case 0 -> {}
                case 1 -> form.add(field.name(), random.nextBoolean() ? "" : null);
                case 2 -> form.add(field.name(), randomText(random, field.maxLength()));
                default -> form.add(field.name(), randomText(random, random.nextInt(field.maxLength() + 1)));
            }
        }
        for (int extra = random.nextInt(3); extra > 0; extra--) {
            String name = "extra" + random.nextInt(3);
            form.add(name, random.nextBoolean() ? withNul(random, randomText(random, 5)) : randomText(random, 5_000));
        }
        return form;
    }

    /** {@code length} characters (code points) from the whole of Unicode but NUL, lone surrogates included. */
    private static String randomText(Random random, int length) {
        int[] codePoints = new int[length];
        for (int i = 0; i < length; i++) {
            codePoints[i] = switch (random.nextInt(4)) {
                case 0 -> 1 + random.nextInt(0x7f);
                case 1 -> 0x80 + random.nextInt(0x800);
                case 2 -> 0x800 + random.nextInt(0xf800);
                default -> 0x10000 + random.nextInt(0x100000);
            };
        }
        String text = new String(codePoints, 0, length);
        // Adjacent lone surrogates could pair up into one code point; the length must stay exact.
        return text.codePointCount(0, text.length()) == length ? text : randomText(random, length);
    }

    private static String withNul(Random random, String text) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + '\u0000' + text.substring(at);
    }
}
