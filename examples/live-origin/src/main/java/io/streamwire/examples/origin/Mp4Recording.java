package io.streamwire.examples.origin;

import io.streamwire.mp4.CmafTrack;
import io.streamwire.mp4.Mp4Limits;
import io.streamwire.mp4.Mp4Recorder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One progressive MP4 file being recorded with the mp4 module's {@link Mp4Recorder}: samples are
 * appended to {@code <file>.part} (ftyp, a 64-bit mdat header, the payloads) as their durations become
 * known (one sample held per track), and {@link #finish()} writes {@code <file>} with the moov moved to
 * the front ("faststart": ftyp, moov, mdat; co64 past 4 GiB) by copying the mdat after it, then deletes
 * the part file. Only the sample tables stay in memory (about 16 bytes per sample).
 *
 * <p>Not thread-safe: the owning {@link Mp4FileRecorder} is used from one thread at a time.
 */
final class Mp4Recording {
    private final Path file;
    private final Path partFile;
    private final Mp4Recorder recorder;
    private final int trackCount;
    private FileChannel channel;
    private final SampleHold<IOException> hold;
    private long samples;

    private Mp4Recording(Path file, List<CmafTrack> tracks, long[] defaultDurations, FileChannel channel) {
        this.file = file;
        this.partFile = file.resolveSibling(file.getFileName() + ".part");
        this.recorder = new Mp4Recorder(tracks, Mp4Limits.defaults());
        this.trackCount = tracks.size();
        this.channel = channel;
        this.hold = new SampleHold<>(defaultDurations, 4096, this::place);
    }

    /** Creates the part file and writes its header; throws IOException when the disk refuses. */
    static Mp4Recording create(Path file, List<CmafTrack> tracks, long[] defaultDurations) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        Mp4Recording r = new Mp4Recording(file, tracks, defaultDurations, ch);
        try {
            ByteBuffer header = ByteBuffer.allocate(256);
            r.recorder.writeHeader(header);
            r.writeFully(header.flip());
        } catch (IOException e) {
            r.abandon();
            throw e;
        }
        return r;
    }

    /** Samples recorded so far (held ones included). */
    long samples() {
        return samples;
    }

    /**
     * The next sample of {@code track} in decode order; false when dropped (its decode time is before
     * the track's previous one).
     */
    boolean add(int track, ByteBuffer payload, long dts, int compositionOffset, boolean sync) throws IOException {
        if (!hold.add(track, payload, dts, compositionOffset, sync)) {
            return false;
        }
        samples++;
        return true;
    }

    private void place(int track, ByteBuffer payload, long dts, int compositionOffset, long duration, boolean sync)
            throws IOException {
        recorder.addSample(track, payload.remaining(), compositionOffset, duration, sync);
        writeFully(payload);
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** Places the held samples, writes the faststart file and deletes the part file; returns the file. */
    Path finish() throws IOException {
        hold.releaseAll();
        long mdatStart = recorder.mdatHeaderOffset() + 16;
        long end = channel.position();
        channel.close();
        channel = null;
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel in = FileChannel.open(partFile, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate((int) mdatStart - 16);
            in.read(head, 0);
            writeAll(out, head.flip());
            ByteBuffer moov = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, moovBound()));
            recorder.writeFaststartMoov(moov);
            writeAll(out, moov.flip());
            ByteBuffer mdat = ByteBuffer.allocate(16);
            recorder.writeMdatHeader(mdat);
            writeAll(out, mdat.flip());
            for (long at = mdatStart; at < end; ) {
                at += in.transferTo(at, end - at, out);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(partFile);
        return file;
    }

    /** An upper bound of the faststart moov's size: chunk offsets may turn from stco into co64 (4 more bytes each). */
    private long moovBound() {
        return recorder.moov().encodedSize() * 2 + 1024;
    }

    private static void writeAll(FileChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    /** Stops without a file: the part file is deleted (a failing disk; nothing to finish). */
    void abandon() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing a failed file
        }
        channel = null;
        try {
            Files.deleteIfExists(partFile);
        } catch (IOException ignored) {
            // left behind
        }
    }
}
