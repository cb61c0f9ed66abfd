package io.streamwire.amf.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Unmodifiable insertion-ordered property maps; a map already frozen is not copied again. Thread-safe. */
public final class Props {
    private Props() {}

    /** An unmodifiable insertion-ordered map, read-only view over a map nobody else holds. */
    private static final class Frozen<K, V> extends AbstractMap<K, V> {
        private final LinkedHashMap<K, V> map;
        private Set<Map.Entry<K, V>> entries;

        Frozen(LinkedHashMap<K, V> map) {
            this.map = map;
        }

        @Override
        public Set<Map.Entry<K, V>> entrySet() {
            Set<Map.Entry<K, V>> e = entries;
            if (e == null) {
                e = Collections.unmodifiableMap(map).entrySet();
                entries = e; // benign race: every thread computes an equal view
            }
            return e;
        }

        @Override
        public V get(Object key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public int size() {
            return map.size();
        }
    }

    /** An unmodifiable insertion-ordered copy (no copy when {@code map} is already one). */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> copy(Map<? extends K, ? extends V> map) {
        if (map instanceof Frozen<?, ?> || map instanceof Compact<?>) {
            return (Map<K, V>) map;
        }
        LinkedHashMap<K, V> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
        for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "key"), Objects.requireNonNull(e.getValue(), "value"));
        }
        return new Frozen<>(copy);
    }

    /**
     * An unmodifiable insertion-ordered map over the first {@code size} entries of an array of
     * alternating keys and values that the caller built and gives up; keys distinct Strings, keys
     * and values not null.
     */
    public static <V> Map<String, V> ofArray(Object[] keysAndValues, int size) {
        return new Compact<>(keysAndValues, size);
    }

    /** Freezes a map the caller built, holds no other reference to, and whose keys and values are not null. */
    public static <K, V> Map<K, V> own(LinkedHashMap<K, V> map) {
        return new Frozen<>(map);
    }
}
