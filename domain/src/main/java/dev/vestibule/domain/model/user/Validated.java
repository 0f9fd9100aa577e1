package dev.vestibule.domain.model.user;

import java.util.Objects;
import java.util.function.Function;

/**
 * The result of turning raw input into a value: the value, or the reason it was refused.
 *
 * @param <T> the value type
 */
public sealed interface Validated<T> {

    record Valid<T>(T value) implements Validated<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    record Invalid<T>(String reason) implements Validated<T> {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> Validated<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Validated<T> invalid(String reason) {
        return new Invalid<>(reason);
    }

    default boolean isValid() {
        return this instanceof Valid<T>;
    }

    /** The value; callers check {@link #isValid()} first, so a refused value here is a programming error. */
    default T orElseThrow() {
        if (this instanceof Valid<T> valid) {
            return valid.value();
        }
        throw new IllegalStateException("not valid: " + ((Invalid<T>) this).reason());
    }

    default <R> R fold(Function<T, R> whenValid, Function<String, R> whenInvalid) {
        if (this instanceof Valid<T> valid) {
            return whenValid.apply(valid.value());
        }
        return whenInvalid.apply(((Invalid<T>) this).reason());
    }
}
