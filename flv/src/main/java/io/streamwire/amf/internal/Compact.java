package io.streamwire.amf.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable insertion-ordered map over one array of alternating keys and values, for the
 * property maps the AMF0 tree reader builds: no entry objects, one array. {@code get} scans
 * small maps linearly (keys are mostly shared constants, so the identity test hits first) and builds
 * an open-addressing index on first use for larger ones. Keys are distinct and, like the values,
 * not null (the reader checks).
 *
 * <p>Thread-safe once published: the arrays are never written after construction, and the lazily
 * built index is an immutable object with a final field (a racing thread builds an equal one).
 */
final class Compact<V> extends AbstractMap<String, V> {
    private static final int LINEAR = 8;

    /** key 0, value 0, key 1, value 1, ... */
    private final Object[] kv;
    private final int size;
    private Index index;

    /** Wraps the first {@code size} entries (keys at even, values at odd indexes) of an array the caller built and gives up. */
    Compact(Object[] kv, int size) {
        this.kv = kv;
        this.size = size;
    }

    private static final class Index {
        final int[] slots; // entry index + 1, 0 = empty

        Index(Object[] kv, int size) {
            int capacity = Integer.highestOneBit(Math.max(4, size) * 2) * 2;
            int[] s = new int[capacity];
            for (int i = 0; i < size; i++) {
                int slot = spread(kv[2 * i].hashCode()) & (capacity - 1);
                while (s[slot] != 0) {
                    slot = (slot + 1) & (capacity - 1);
                }
                s[slot] = i + 1;
            }
            this.slots = s;
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private int find(Object key) {
        if (!(key instanceof String)) {
            return -1;
        }
        Object[] k = kv;
        int n = size;
        if (n <= LINEAR) {
            for (int i = 0; i < n; i++) {
                if (k[2 * i] == key) {
                    return i;
                }
            }
            for (int i = 0; i < n; i++) {
                if (k[2 * i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        Index ix = index;
        if (ix == null) {
            ix = new Index(k, n);
            index = ix; // benign race: an Index is immutable and fully built before it is published
        }
        int[] slots = ix.slots;
        int mask = slots.length - 1;
        for (int slot = spread(key.hashCode()) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int i = slots[slot] - 1;
            if (k[2 * i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = find(key);
        return i < 0 ? null : (V) kv[2 * i + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < size;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<String, V> next() {
                        if (i >= size) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, V> e = Map.entry((String) kv[2 * i], (V) kv[2 * i + 1]);
                        i++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
