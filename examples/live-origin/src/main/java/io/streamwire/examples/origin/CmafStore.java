package io.streamwire.examples.origin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bytes and URIs a CMAF rendition serves: init segments by number, segments by media sequence number and
 * the parts of each, and which init segment each media sequence number uses. What leaves the playlist
 * window (plus {@link #KEEP_BEHIND} segments, for players that loaded the playlist just before) is
 * dropped, and so are init segments no kept segment uses.
 *
 * <p>Not thread-safe: the owning packager's lock guards it.
 */
final class CmafStore {
    static final int KEEP_BEHIND = 2;

    private final Map<Long, byte[]> segments = new HashMap<>();
    private final Map<Long, List<byte[]>> parts = new HashMap<>();
    private final Map<Integer, byte[]> inits = new HashMap<>();
    /** Media sequence number of the first segment of each init segment → its number. */
    private final TreeMap<Long, Integer> initFrom = new TreeMap<>();
    private final List<byte[]> openParts = new ArrayList<>();
    private long openBytes;
    private final String key;

    /** @param key the stream name: URIs are relative to {@code /live/<key>.m3u8} */
    CmafStore(String key) {
        this.key = key;
    }

    String segmentUri(long msn) {
        return key + "/" + msn + ".m4s";
    }

    String partUri(long msn, int part) {
        return key + "/" + msn + "." + part + ".m4s";
    }

    String initUri(int n) {
        return key + "/init-" + n + ".mp4";
    }

    /** The URI of the init segment that segment {@code msn} uses, or null. */
    String initUriOf(long msn) {
        int n = initOf(msn);
        return n < 0 ? null : initUri(n);
    }

    /** Records init segment {@code n}, used from segment {@code fromMsn} on. */
    void putInit(int n, byte[] bytes, long fromMsn) {
        inits.put(n, bytes);
        initFrom.put(fromMsn, n);
    }

    /** The init segment number that segment {@code msn} uses, or -1. */
    int initOf(long msn) {
        Map.Entry<Long, Integer> e = initFrom.floorEntry(msn);
        return e == null ? -1 : e.getValue();
    }

    byte[] init(int n) {
        return inits.get(n);
    }

    /** Adds a part of the open segment {@code msn}; returns its index. */
    int addPart(long msn, byte[] bytes) {
        openParts.add(bytes);
        openBytes += bytes.length;
        parts.put(msn, List.copyOf(openParts));
        return openParts.size() - 1;
    }

    int openPartCount() {
        return openParts.size();
    }

    long openBytes() {
        return openBytes;
    }

    /** Closes the open segment {@code msn} (its parts joined) and drops what is older than {@code oldestKept}. */
    void closeSegment(long msn, long oldestKept) {
        byte[] segment = new byte[(int) openBytes];
        int at = 0;
        for (byte[] p : openParts) {
            System.arraycopy(p, 0, segment, at, p.length);
            at += p.length;
        }
        openParts.clear();
        openBytes = 0;
        segments.put(msn, segment);
        segments.keySet().removeIf(m -> m < oldestKept);
        parts.keySet().removeIf(m -> m < oldestKept);
        Long floor = initFrom.floorKey(oldestKept);
        if (floor != null) {
            initFrom.headMap(floor, false).clear();
            int oldestInit = initFrom.get(floor);
            inits.keySet().removeIf(n -> n < oldestInit);
        }
    }

    byte[] segment(long msn) {
        return segments.get(msn);
    }

    byte[] part(long msn, int index) {
        List<byte[]> list = parts.get(msn);
        return list != null && index >= 0 && index < list.size() ? list.get(index) : null;
    }

    /** Bytes of init segments, segments and parts held. */
    long bytesHeld() {
        long n = 0;
        for (byte[] s : segments.values()) {
            n += s.length;
        }
        for (List<byte[]> l : parts.values()) {
            for (byte[] p : l) {
                n += p.length;
            }
        }
        for (byte[] i : inits.values()) {
            n += i.length;
        }
        return n;
    }
}
