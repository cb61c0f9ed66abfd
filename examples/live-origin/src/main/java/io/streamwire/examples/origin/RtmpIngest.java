package io.streamwire.examples.origin;

import io.streamwire.core.StreamwireException;
import io.streamwire.flv.OnMetaData;
import io.streamwire.flv.ScriptData;
import io.streamwire.rtmp.DataMessage;
import io.streamwire.rtmp.RtmpCommand;
import io.streamwire.rtmp.ServerSession;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * RTMP on blocking sockets, one {@link ServerSession} per connection: publishers (checked against
 * the allow-list) feed their {@link Channel}; players become {@link Subscriber}s whose tags a writer
 * task sends. A connection that sends garbage fails its session ({@code RtmpException}) and is closed
 * alone; a connection silent for 10 s before it publishes or plays, or a publisher silent for 30 s,
 * is closed.
 */
final class RtmpIngest implements Closeable {
    private static final int IDLE_BEFORE_ROLE_MS = 10_000;
    private static final int IDLE_PUBLISHER_MS = 30_000;

    private final OriginConfig config;
    private final LiveOrigin origin;
    private final ExecutorService pool;
    private final ServerSocket server;
    private final Map<Socket, Boolean> open = new ConcurrentHashMap<>();
    private final AtomicLong connectionsFailed = new AtomicLong();
    private final AtomicLong publishesRejected = new AtomicLong();
    private volatile boolean closed;

    RtmpIngest(OriginConfig config, LiveOrigin origin, ExecutorService pool) throws IOException {
        this.config = config;
        this.origin = origin;
        this.pool = pool;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(config.bindAddress(), config.rtmpPort()), 128);
        Thread acceptor = new Thread(this::acceptLoop, "rtmp-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    long connectionsFailed() {
        return connectionsFailed.get();
    }

    long publishesRejected() {
        return publishesRejected.get();
    }

    int openConnections() {
        return open.size();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            try {
                open.put(socket, Boolean.TRUE);
                pool.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) { // too many connections
                open.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    /** One connection: read, feed the session, send what it queues. */
    private void serve(Socket socket) {
        Connection c = new Connection(socket);
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(1000);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long lastRead = System.nanoTime();
            while (!closed) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    long idleMs = (System.nanoTime() - lastRead) / 1_000_000;
                    if (c.players.isEmpty() && (c.publishKey == null ? idleMs > IDLE_BEFORE_ROLE_MS : idleMs > IDLE_PUBLISHER_MS)) {
                        break;
                    }
                    continue;
                }
                if (n < 0) {
                    break;
                }
                lastRead = System.nanoTime();
                synchronized (c) {
                    c.session.feed(ByteBuffer.wrap(buffer, 0, n));
                    c.flush();
                }
            }
        } catch (IOException | StreamwireException e) { // RtmpException: garbage or a protocol error; the peer is dropped
            if (!(e instanceof IOException)) {
                connectionsFailed.incrementAndGet();
            }
        } finally {
            c.close();
            open.remove(socket);
        }
    }

    /** The state of one RTMP connection; its monitor guards the session and the socket's output. */
    private final class Connection {
        final Socket socket;
        final ServerSession session;
        final Object token = new Object();
        final Map<Integer, Subscriber> players = new ConcurrentHashMap<>();
        volatile String publishKey;
        volatile int publishStreamId = -1;
        volatile Channel publishChannel;
        private OutputStream out;
        private byte[] copyBuffer; // shared chunks are read-only buffers: written through this

        Connection(Socket socket) {
            this.socket = socket;
            this.session = new ServerSession(new ServerSession.Listener() {
                @Override
                public void onConnectRequest(ServerSession s, long id, RtmpCommand.Connect connect) {
                    String app = connect.app() == null ? "" : connect.app();
                    int q = app.indexOf('?');
                    app = (q >= 0 ? app.substring(0, q) : app).replaceAll("/+$", "");
                    if (app.equals(config.app())) {
                        s.accept(id);
                    } else {
                        s.reject(id, "unknown application " + app);
                    }
                }

                @Override
                public void onPublishRequest(ServerSession s, long id, int streamId, RtmpCommand.Publish publish) {
                    String key = publish.streamKey();
                    if (publishKey != null || !LiveOrigin.validKey(key) || !config.allows(key)) {
                        publishesRejected.incrementAndGet();
                        s.reject(id, "stream key not allowed");
                        return;
                    }
                    Channel ch = origin.channel(key);
                    if (!ch.startPublish(token)) {
                        publishesRejected.incrementAndGet();
                        s.reject(id, key + " is already being published");
                        return;
                    }
                    publishKey = key;
                    publishStreamId = streamId;
                    publishChannel = ch;
                    s.accept(id);
                }

                @Override
                public void onPlayRequest(ServerSession s, long id, int streamId, RtmpCommand.Play play) {
                    String key = play.streamKey();
                    if (!LiveOrigin.validKey(key) || players.containsKey(streamId)) {
                        s.reject(id, "no such stream");
                        return;
                    }
                    s.accept(id);
                    Channel ch = origin.channel(key);
                    Subscriber sub = ch.subscribe("rtmp", () -> closeQuietly(socket)); // wakes a writer blocked on a stalled peer
                    players.put(streamId, sub);
                    try {
                        pool.execute(() -> play(ch, sub, streamId));
                    } catch (RejectedExecutionException e) {
                        ch.unsubscribe(sub);
                        players.remove(streamId);
                    }
                }

                @Override
                public void onMedia(ServerSession s, int streamId, int type, long timestamp, ByteBuffer body) {
                    Channel ch = publishChannel;
                    if (ch != null && streamId == publishStreamId) {
                        ch.media(token, type, timestamp, body);
                    }
                }

                @Override
                public void onData(ServerSession s, int streamId, long timestamp, DataMessage data) {
                    Channel ch = publishChannel;
                    if (ch != null && streamId == publishStreamId && data instanceof DataMessage.MetaData m) {
                        ch.metadata(token, timestamp, OnMetaData.from(m.metadata()));
                    }
                }

                @Override
                public void onStreamEnded(ServerSession s, int streamId) {
                    if (streamId == publishStreamId) {
                        endPublish();
                    }
                    Subscriber sub = players.remove(streamId);
                    if (sub != null) {
                        sub.close();
                    }
                }
            });
        }

        private void endPublish() {
            Channel ch = publishChannel;
            if (ch != null) {
                ch.endPublish(token);
            }
            publishChannel = null;
            publishKey = null;
            publishStreamId = -1;
        }

        /** Sends the subscriber's tags to the player until the stream or the connection ends. */
        private void play(Channel ch, Subscriber sub, int streamId) {
            try {
                while (!socket.isClosed()) {
                    Subscriber.Tag t = sub.take(1000);
                    if (t == null) {
                        if (sub.overflowed()) {
                            closeQuietly(socket); // it could not keep up: drop the player
                            return;
                        }
                        if (sub.drained()) {
                            synchronized (this) {
                                session.endStream(streamId);
                                flush();
                            }
                            return;
                        }
                        continue;
                    }
                    synchronized (this) {
                        if (t.type() == 18) {
                            session.sendMetaData(streamId, t.timestamp(),
                                    ScriptData.parse(ByteBuffer.wrap(t.body())).onMetaData().toAmf0());
                        } else {
                            session.sendShared(streamId, t.rtmpChunks()); // cut once for all players
                        }
                        flush();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | StreamwireException e) {
                closeQuietly(socket);
            } finally {
                ch.unsubscribe(sub);
                players.remove(streamId, sub);
            }
        }

        /** Writes everything the session queued. Call with the monitor held. */
        void flush() throws IOException {
            if (out == null) {
                out = socket.getOutputStream();
            }
            boolean wrote = false;
            for (ByteBuffer b; (b = session.pollOutbound()) != null; ) {
                if (b.hasArray()) {
                    out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
                } else {
                    if (copyBuffer == null) {
                        copyBuffer = new byte[16 * 1024];
                    }
                    for (int at = b.position(); at < b.limit(); ) {
                        int n = Math.min(copyBuffer.length, b.limit() - at);
                        b.get(at, copyBuffer, 0, n);
                        out.write(copyBuffer, 0, n);
                        at += n;
                    }
                }
                wrote = true;
            }
            if (wrote) {
                out.flush();
            }
        }

        void close() {
            endPublish();
            for (Subscriber sub : players.values()) {
                sub.close();
            }
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open.keySet()) {
            closeQuietly(s);
        }
    }
}
