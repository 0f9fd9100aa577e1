package dev.vestibule.domain.model.user;

import java.util.Objects;
import java.util.function.Function;

/**
 * The result of turning raw input into a value: the value, or the typed reason it was refused (which the
 * web adapter puts into words).
 *
 * @param <T> the value type
 * @param <R> the type of the reasons a value is refused for
 */
public sealed interface Validated<T, R> {

    record Valid<T, R>(T value) implements Validated<T, R> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    record Invalid<T, R>(R reason) implements Validated<T, R> {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T, R> Validated<T, R> valid(T value) {
        return new Valid<>(value);
    }

    static <T, R> Validated<T, R> invalid(R reason) {
        return new Invalid<>(reason);
    }

    default boolean isValid() {
        return this instanceof Valid<T, R>;
    }

    /** The value; callers check {@link #isValid()} first, so a refused value here is a programming error. */
    default T orElseThrow() {
        if (this instanceof Valid<T, R> valid) {
            return valid.value();
        }
        throw new IllegalStateException("not valid: " + ((Invalid<T, R>) this).reason());
    }

    default <X> X fold(Function<T, X> whenValid, Function<R, X> whenInvalid) {
        if (this instanceof Valid<T, R> valid) {
            return whenValid.apply(valid.value());
        }
        return whenInvalid.apply(((Invalid<T, R>) this).reason());
    }
}
