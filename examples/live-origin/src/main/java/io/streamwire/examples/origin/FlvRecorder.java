package io.streamwire.examples.origin;

import io.streamwire.core.StreamwireException;
import io.streamwire.flv.FlvHeader;
import io.streamwire.flv.FlvWriter;
import io.streamwire.flv.MetadataInjector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Records one publish to {@code <dir>/<key>-<epoch ms>.flv} with {@link FlvWriter}; on
 * {@link #finish()} the file is rewritten by {@link MetadataInjector} so that its onMetaData carries
 * duration, file size and the keyframes index (times and file positions) for seeking. A recording
 * that fails (disk full) stops quietly: the live stream is not affected.
 */
final class FlvRecorder {
    private final Path file;
    private FileChannel channel;
    private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private volatile Path finished;

    private FlvRecorder(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static FlvRecorder open(Path directory, String key, Instant now) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(key + "-" + now.toEpochMilli() + ".flv");
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            FlvRecorder r = new FlvRecorder(file, ch);
            FlvHeader header = FlvHeader.of(true, true);
            r.buffer.clear();
            FlvWriter.writeHeader(r.buffer, header);
            r.flushBuffer();
            return r;
        } catch (IOException e) {
            return new FlvRecorder(null, null);
        }
    }

    void write(Subscriber.Tag tag) {
        if (channel == null) {
            return;
        }
        int size = FlvWriter.tagSize(tag.body().length);
        if (buffer.capacity() < size) {
            buffer = ByteBuffer.allocate(size);
        }
        buffer.clear();
        FlvWriter.writeTag(buffer, tag.type(), (int) tag.timestamp(), ByteBuffer.wrap(tag.body()));
        flushBuffer();
    }

    private void flushBuffer() {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // nothing more to do
        }
        channel = null;
    }

    /** Closes the file and injects the keyframe index; returns the file, or null when recording failed. */
    Path finish() {
        if (channel == null) {
            return null;
        }
        closeQuietly();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            MetadataInjector.inject(file, tmp); // streaming: memory per keyframe, not per file
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            finished = file;
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StreamwireException e) { // the recording is not a well-formed FLV (a crash mid-tag)
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the partial rewrite stays beside the recording
            }
            return file; // the recording is kept without the index
        }
    }

    Path finishedFile() {
        return finished;
    }
}
