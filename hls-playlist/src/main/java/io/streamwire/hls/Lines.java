package io.streamwire.hls;

import java.util.ArrayList;
import java.util.List;

/** Helpers over line lists. Immutable and thread-safe. */
final class Lines {
    private Lines() {}

    static <T> List<T> all(List<PlaylistLine> lines, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (PlaylistLine l : lines) {
            if (type.isInstance(l)) {
                out.add(type.cast(l));
            }
        }
        return List.copyOf(out);
    }

    static <T> T first(List<PlaylistLine> lines, Class<T> type) {
        for (PlaylistLine l : lines) {
            if (type.isInstance(l)) {
                return type.cast(l);
            }
        }
        return null;
    }

    static IntegerTag integer(List<PlaylistLine> lines, TagName name) {
        for (PlaylistLine l : lines) {
            if (l instanceof IntegerTag t && t.tagName() == name) {
                return t;
            }
        }
        return null;
    }

    /** Counts multivariant-only and media-only tags; multivariant wins when it has more of them. */
    static boolean isMultivariant(List<PlaylistLine> lines) {
        int multivariant = 0;
        int media = 0;
        for (int i = 0, n = lines.size(); i < n; i++) {
            TagName t = lines.get(i).tagName();
            if (t != null) {
                TagName.Scope s = t.scope();
                if (s == TagName.Scope.MULTIVARIANT) {
                    multivariant++;
                } else if ((s == TagName.Scope.MEDIA || s == TagName.Scope.SEGMENT) && t.form() != TagName.Form.RAW) {
                    media++;
                }
            }
        }
        return multivariant > media;
    }
}
