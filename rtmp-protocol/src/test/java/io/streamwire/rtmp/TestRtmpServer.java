package io.streamwire.rtmp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Test RTMP server on {@link ServerSession} over blocking sockets (platform threads, loopback,
 * every socket with a read timeout). Records what publishers send; players of a key get what
 * {@link #onPlay} does.
 */
final class TestRtmpServer implements AutoCloseable {
    record Received(int type, long timestamp, byte[] body) {}

    final List<Received> media = Collections.synchronizedList(new ArrayList<>());
    final List<DataMessage> data = Collections.synchronizedList(new ArrayList<>());
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    volatile boolean digestSeen;
    /** What to do when a client plays: (session, stream id); runs on the connection's thread, under the session lock. */
    volatile BiConsumer<ServerSession, Integer> onPlay = (s, id) -> { };
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    TestRtmpServer() throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        server.setSoTimeout(200);
        acceptor = new Thread(this::acceptLoop, "rtmp-test-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread t = new Thread(() -> serve(socket), "rtmp-test-connection");
                t.setDaemon(true);
                t.start();
            } catch (SocketTimeoutException tick) {
                // check for close
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            ServerSession session = new ServerSession(new ServerSession.Listener() {
                @Override
                public void onConnectRequest(ServerSession s, long id, RtmpCommand.Connect c) {
                    events.add("connect " + c.app());
                    s.accept(id);
                }

                @Override
                public void onPublishRequest(ServerSession s, long id, int streamId, RtmpCommand.Publish p) {
                    events.add("publish " + p.streamKey() + " " + p.publishingType());
                    s.accept(id);
                }

                @Override
                public void onPlayRequest(ServerSession s, long id, int streamId, RtmpCommand.Play p) {
                    events.add("play " + p.streamKey());
                    s.accept(id);
                    onPlay.accept(s, streamId);
                }

                @Override
                public void onMedia(ServerSession s, int streamId, int type, long timestamp, ByteBuffer body) {
                    byte[] copy = new byte[body.remaining()];
                    body.get(body.position(), copy);
                    media.add(new Received(type, timestamp, copy));
                }

                @Override
                public void onData(ServerSession s, int streamId, long timestamp, DataMessage d) {
                    data.add(d);
                }

                @Override
                public void onStreamEnded(ServerSession s, int streamId) {
                    events.add("ended " + streamId);
                }
            });
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (session) {
                    session.feed(ByteBuffer.wrap(buffer, 0, n));
                    if (session.isHandshakeComplete() && session.isDigestHandshake()) {
                        digestSeen = true;
                    }
                    flush(session, out);
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException ended) {
            // peer gone or test over
        } catch (Throwable t) {
            errors.add(t);
        }
    }

    static void flush(ServerSession session, OutputStream out) throws IOException {
        ByteBuffer b;
        while ((b = session.pollOutbound()) != null) {
            if (b.hasArray()) {
                out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            } else {
                byte[] copy = new byte[b.remaining()];
                b.get(copy);
                out.write(copy);
            }
        }
        out.flush();
    }

    /** Serves these FLV tags to a player (metadata first). */
    static BiConsumer<ServerSession, Integer> serveTags(List<FlvFile.Tag> tags, long offset) {
        return (s, id) -> {
            for (FlvFile.Tag t : tags) {
                if (t.type() == 18) {
                    DataMessage d = DataMessage.parse(18, ByteBuffer.wrap(t.body()), 0, io.streamwire.amf.AmfLimits.defaults());
                    if (d instanceof DataMessage.MetaData m) {
                        s.sendMetaData(id, t.timestamp() + offset, m.metadata());
                    }
                } else {
                    s.sendMedia(id, t.type(), t.timestamp() + offset, ByteBuffer.wrap(t.body()));
                }
            }
            s.endStream(id);
        };
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
