package io.streamwire.amf.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Copies of property maps that keep insertion order and reject null keys or values. Thread-safe. */
public final class Props {
    private Props() {}

    /** An unmodifiable insertion-ordered copy. */
    public static <K, V> Map<K, V> copy(Map<? extends K, ? extends V> map) {
        LinkedHashMap<K, V> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
        for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "key"), Objects.requireNonNull(e.getValue(), "value"));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Wraps a map the caller built and no longer touches. */
    public static <K, V> Map<K, V> own(LinkedHashMap<K, V> map) {
        return Collections.unmodifiableMap(map);
    }
}
