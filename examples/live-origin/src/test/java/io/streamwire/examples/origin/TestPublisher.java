package io.streamwire.examples.origin;

import io.streamwire.flv.FlvDecoder;
import io.streamwire.rtmp.ChunkEncoder;
import io.streamwire.rtmp.ClientSession;
import io.streamwire.testkit.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process RTMP publisher for tests (no ffmpeg): our own {@link ClientSession} publishing the
 * committed fixture's tags in a loop, paced at {@code speed} × real time, on a thread of its own.
 * {@link #close()} unpublishes cleanly; {@link #kill()} drops the TCP connection without a word (an
 * encoder crash); {@link #freeze()} stops sending but keeps the connection open. Given tags instead
 * ({@link #once}) are sent once, as they are, and then nothing until {@link #close()}.
 */
final class TestPublisher implements AutoCloseable {
    /** One FLV tag of the fixture. */
    record Tag(int type, long timestamp, byte[] body) {}

    static final List<Tag> FIXTURE_TAGS = readFixture();

    private final Socket socket;
    private final ClientSession session;
    private final Thread thread;
    private final AtomicLong tagsSent = new AtomicLong();
    private final boolean onStreamZero;
    private final List<Tag> tags;
    private final boolean once;
    private volatile boolean sentAll;
    private volatile boolean started;
    private volatile boolean refused;
    private volatile boolean stop;
    private volatile boolean frozen;
    private volatile Throwable failure;

    private static List<Tag> readFixture() {
        List<Tag> tags = new ArrayList<>();
        FlvDecoder d = new FlvDecoder(t -> {
            if (t.tagType() == 8 || t.tagType() == 9) {
                byte[] b = new byte[t.body().remaining()];
                t.body().get(b);
                tags.add(new Tag(t.tagType(), t.timestamp(), b));
            }
        });
        d.feed(ByteBuffer.wrap(Fixtures.bytes(RemuxPipelineTest.FIXTURE)));
        d.endOfInput();
        return List.copyOf(tags);
    }

    /**
     * Publishes {@code name} (the publishing name as sent, may hold a query) on {@code port}.
     *
     * @param speed 1 for real time; larger sends faster
     * @param onStreamZero send media on message stream 0 after publishing (as node-media-server's relay does)
     */
    TestPublisher(int port, String name, double speed, boolean onStreamZero) throws IOException {
        this(port, name, speed, onStreamZero, FIXTURE_TAGS, false);
    }

    /**
     * Publishes {@code tags} once, in order (sequence headers included, nothing skipped), paced at
     * {@code speed} × real time; {@link #sentAll()} tells when the last one is out.
     */
    static TestPublisher once(int port, String name, double speed, List<Tag> tags) throws IOException {
        return new TestPublisher(port, name, speed, false, List.copyOf(tags), true);
    }

    private TestPublisher(int port, String name, double speed, boolean onStreamZero, List<Tag> tags, boolean once)
            throws IOException {
        this.onStreamZero = onStreamZero;
        this.tags = tags;
        this.once = once;
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(20);
        session = ClientSession.publisher("live", "rtmp://127.0.0.1:" + port + "/live", name, new ClientSession.Listener() {
            @Override
            public void onPublishStarted(ClientSession s, int streamId) {
                started = true;
            }

            @Override
            public void onStatus(ClientSession s, int streamId, io.streamwire.rtmp.RtmpCommand.OnStatus status) {
                if (status.level().equals("error")) {
                    refused = true;
                }
            }
        });
        thread = new Thread(() -> run(speed), "test-publisher-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(double speed) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[64 * 1024];
            ChunkEncoder zero = new ChunkEncoder();
            zero.setChunkSize(ClientSession.CHUNK_SIZE);
            long t0 = 0;
            long loop = 0;
            int i = 0;
            while (!stop) {
                flush(out);
                try {
                    int n = in.read(buf);
                    if (n < 0) {
                        return;
                    }
                    session.feed(ByteBuffer.wrap(buf, 0, n));
                } catch (SocketTimeoutException e) {
                    // nothing to read now
                }
                if (!started || frozen) {
                    continue;
                }
                if (t0 == 0) {
                    t0 = System.nanoTime();
                }
                long span = tags.get(tags.size() - 1).timestamp() + 40;
                while (!stop && !frozen && !sentAll) {
                    Tag t = tags.get(i);
                    long ts = loop * span + t.timestamp();
                    if ((System.nanoTime() - t0) / 1e6 * speed < ts) {
                        break;
                    }
                    // the sequence headers once, at the start
                    if (once || (loop == 0 ? !(t.type() == 9 && t.body()[1] == 2) : !isSequenceHeader(t))) {
                        if (onStreamZero) {
                            out.write(toArray(zero.encode(t.type() == 8 ? 4 : 6, ts, t.type(), 0, ByteBuffer.wrap(t.body()))));
                        } else {
                            session.sendMedia(t.type(), ts, ByteBuffer.wrap(t.body()));
                        }
                        tagsSent.incrementAndGet();
                    }
                    if (++i == tags.size() && once) {
                        sentAll = true;
                    } else if (i == tags.size()) {
                        i = 0;
                        loop++;
                    }
                }
            }
            session.close(); // FCUnpublish + deleteStream
            flush(out);
        } catch (IOException | RuntimeException e) {
            if (!stop) {
                failure = e;
            }
        }
    }

    /** A sequence header (sent once, at the start) or an AVC end of sequence (never sent in a loop). */
    private static boolean isSequenceHeader(Tag t) {
        boolean avc = t.type() == 9 && (t.body()[0] & 0x0F) == 7;
        return t.body().length > 1 && ((t.body()[1] == 0 && (avc || (t.type() == 8 && (t.body()[0] & 0xF0) == 0xA0)))
                || (avc && t.body()[1] == 2));
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    private void flush(OutputStream out) throws IOException {
        for (ByteBuffer b; (b = session.pollOutbound()) != null; ) {
            out.write(toArray(b));
        }
        out.flush();
    }

    boolean started() {
        return started;
    }

    boolean refused() {
        return refused;
    }

    /** Whether every given tag has been sent ({@link #once} only). */
    boolean sentAll() {
        return sentAll;
    }

    long tagsSent() {
        return tagsSent.get();
    }

    Throwable failure() {
        return failure;
    }

    /** Stops sending media; the connection stays open (a frozen encoder). */
    void freeze() {
        frozen = true;
    }

    /** Drops the connection without unpublishing (an encoder crash or network loss). */
    void kill() throws IOException, InterruptedException {
        stop = true;
        if (!socket.isClosed()) {
            socket.setSoLinger(true, 0); // RST
            socket.close();
        }
        thread.join(5000);
    }

    /** Unpublishes cleanly (FCUnpublish, deleteStream) and closes. */
    @Override
    public void close() throws InterruptedException {
        if (!stop) {
            stop = true;
            thread.join(5000);
        }
    }
}
