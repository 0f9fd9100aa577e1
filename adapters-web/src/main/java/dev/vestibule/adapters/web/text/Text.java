package dev.vestibule.adapters.web.text;

import java.util.List;
import java.util.Objects;

/**
 * A text not yet in any language: a key of the message bundles and the values its message shows, for code
 * that decides what to say before it knows to whom (a refused request, a reason from the core).
 */
public record Text(String key, List<Object> arguments) {

    public Text {
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
    }

    public static Text of(String key, Object... arguments) {
        return new Text(key, List.of(arguments));
    }
}
