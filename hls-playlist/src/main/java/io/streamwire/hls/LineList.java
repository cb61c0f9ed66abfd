package io.streamwire.hls;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The parser's list of lines: appended to while parsing, then handed out read-only as
 * {@link Playlist#lines()}. Segments built while parsing keep {@link #subList} views of it, so the
 * lines are never copied. Mutators inherited from {@link AbstractList} throw
 * {@link UnsupportedOperationException}; equality and hash code follow {@link java.util.List}.
 *
 * <p>Not thread-safe while the parser appends; immutable and thread-safe once published through a
 * playlist's final field.
 */
final class LineList extends AbstractList<PlaylistLine> implements RandomAccess {
    private PlaylistLine[] items;
    private int size;

    LineList(int capacity) {
        items = new PlaylistLine[Math.max(1, capacity)];
    }

    /** Parser only: adds a line at the end. */
    void append(PlaylistLine line) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = line;
    }

    @Override
    public PlaylistLine get(int index) {
        Objects.checkIndex(index, size);
        return items[index];
    }

    @Override
    public int size() {
        return size;
    }
}
