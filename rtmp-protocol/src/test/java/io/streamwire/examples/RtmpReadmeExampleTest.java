package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.amf.AmfLimits;
import io.streamwire.core.StreamwireException;
import io.streamwire.rtmp.ChunkBasicHeader;
import io.streamwire.rtmp.ClientSession;
import io.streamwire.rtmp.EncodedMessage;
import io.streamwire.rtmp.RtmpCommand;
import io.streamwire.rtmp.RtmpLimits;
import io.streamwire.rtmp.ServerSession;
import io.streamwire.testkit.ReadmeSnippets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** The README's usage examples for this module, compiled and run against the public API only. */
class RtmpReadmeExampleTest {

    // README:begin
    /** Publishers push to rtmp://host/app/KEY; players of KEY get every message, cut once for all. */
    static final class Relay {
        /** A connection's session and socket; the publisher's thread writes to players too, so each has a lock. */
        record Player(ServerSession session, int streamId, WritableByteChannel out, ReentrantLock lock) {}
        final Map<String, List<Player>> players = new ConcurrentHashMap<>();
        final Map<String, List<EncodedMessage>> configs = new ConcurrentHashMap<>(); // codec headers for late joiners

        void serve(ServerSocket listener) throws IOException {
            while (true) {
                Socket socket = listener.accept();
                new Thread(() -> handle(socket)).start(); // Thread.ofVirtual().start(...) on JDK 21+
            }
        }

        void handle(Socket socket) {
            try (socket; InputStream in = socket.getInputStream();
                    WritableByteChannel out = Channels.newChannel(socket.getOutputStream())) {
                ReentrantLock lock = new ReentrantLock(); // not synchronized: no pinned carrier thread on JDK 21-23 (JEP 491)
                String[] key = {""};
                ServerSession session = new ServerSession(new ServerSession.Listener() {
                    public void onConnectRequest(ServerSession s, long id, RtmpCommand.Connect c) { s.accept(id); }
                    public void onPublishRequest(ServerSession s, long id, int sid, RtmpCommand.Publish p) {
                        key[0] = p.streamKey(); // check p.queryParameters() here, or s.reject(id, "...")
                        s.accept(id);
                    }
                    public void onPlayRequest(ServerSession s, long id, int sid, RtmpCommand.Play p) {
                        s.accept(id);
                        configs.getOrDefault(p.streamKey(), List.of()).forEach(m -> s.sendShared(sid, m));
                        players.computeIfAbsent(p.streamKey(), k -> new CopyOnWriteArrayList<>()).add(new Player(s, sid, out, lock));
                    }
                    public void onMedia(ServerSession s, int sid, int type, long ts, ByteBuffer body) {
                        EncodedMessage shared = ServerSession.shareMedia(type, ts, body); // one encoding for all players
                        if (body.remaining() > 1 && body.get(body.position() + 1) == 0) { // AVC/AAC sequence header
                            configs.computeIfAbsent(key[0], k -> new CopyOnWriteArrayList<>()).add(shared);
                        }
                        for (Player p : players.getOrDefault(key[0], List.of())) {
                            p.lock().lock();
                            try {
                                p.session().sendShared(p.streamId(), shared);
                                flush(p.session(), p.out());
                            } finally {
                                p.lock().unlock();
                            }
                        }
                    }
                });
                byte[] buffer = new byte[65536];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    lock.lock();
                    try {
                        session.feed(ByteBuffer.wrap(buffer, 0, n));
                        flush(session, out);
                    } finally {
                        lock.unlock();
                    }
                }
                session.endOfInput(); // the peer closed: throws if it cut a message short
            } catch (IOException | UncheckedIOException | StreamwireException e) { // StreamwireException: module "rtmp"
                // the connection is over
            }
        }

        /** Sends what the session queued; each buffer is handed over (see pollOutbound()), so none is copied here. */
        static void flush(ServerSession session, WritableByteChannel out) {
            try {
                for (ByteBuffer b; (b = session.pollOutbound()) != null; ) {
                    while (b.hasRemaining()) {
                        out.write(b); // shared chunks are read-only: write them, never into them
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
    // README:end

    @Test
    void relaysAPublisherToAPlayer() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try {
                    new Relay().serve(listener);
                } catch (IOException closed) {
                    // test over
                }
            });
            server.setDaemon(true);
            server.start();
            AtomicInteger received = new AtomicInteger();
            ClientSession player = new ClientSession(new ClientSession.Listener() {
                @Override
                public void onMedia(ClientSession s, int sid, int type, long ts, ByteBuffer body) {
                    received.incrementAndGet();
                }
            }, false, "live", "rtmp://localhost/live", "key", true, RtmpLimits.defaults(), AmfLimits.defaults(), new Random(1));
            ClientSession publisher = new ClientSession(new ClientSession.Listener() { }, true, "live",
                    "rtmp://localhost/live", "key", true, RtmpLimits.defaults(), AmfLimits.defaults(), new Random(2));
            try (Socket p = new Socket("127.0.0.1", listener.getLocalPort());
                    Socket q = new Socket("127.0.0.1", listener.getLocalPort())) {
                p.setSoTimeout(10_000);
                q.setSoTimeout(10_000);
                pumpUntil(q, player, player::isActive);
                pumpUntil(p, publisher, publisher::isActive);
                publisher.sendMedia(9, 0, ByteBuffer.wrap(new byte[] {0x17, 0, 0, 0, 0, 1, 2}));
                for (int i = 1; i <= 10; i++) {
                    publisher.sendMedia(9, i * 40L, ByteBuffer.wrap(new byte[5000]));
                }
                pumpUntil(p, publisher, () -> !publisher.hasOutbound());
                pumpUntil(q, player, () -> received.get() == 11);
            }
        }
    }

    /** Moves bytes for one client until {@code done}, at most 10 s. */
    static void pumpUntil(Socket socket, ClientSession client, java.util.function.BooleanSupplier done) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        byte[] buffer = new byte[65536];
        while (true) {
            for (ByteBuffer b; (b = client.pollOutbound()) != null; ) {
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                socket.getOutputStream().write(bytes);
            }
            if (done.getAsBoolean()) {
                return;
            }
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            int n = socket.getInputStream().read(buffer);
            assertThat(n).isPositive();
            client.feed(ByteBuffer.wrap(buffer, 0, n));
        }
    }

    @Test
    void feedsAndDrains() throws IOException {
        ServerSession.Listener listener = new ServerSession.Listener() { };
        byte[] buffer = new io.streamwire.rtmp.ClientHandshake(true, new Random(1)).takeOutbound().array();
        int n = buffer.length;
        java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
        java.nio.channels.WritableByteChannel channel = java.nio.channels.Channels.newChannel(sent);
        // README:begin
        ServerSession session = new ServerSession(listener); // sans-IO: bytes in, events and bytes out
        session.feed(ByteBuffer.wrap(buffer, 0, n));           // calls listener.onConnectRequest(...), onMedia(...)
        for (ByteBuffer out; (out = session.pollOutbound()) != null; ) {
            channel.write(out);                                // S0+S1+S2, acknowledgements, answers
        }
        // README:end
        assertThat(sent.size()).isEqualTo(3073);
        assertThat(session.isDigestHandshake()).isTrue();
    }

    @Test
    void publishesWithAClientSession() throws IOException {
        List<ByteBuffer> received = new java.util.ArrayList<>();
        ServerSession server = new ServerSession(new ServerSession.Listener() {
            public void onConnectRequest(ServerSession s, long id, RtmpCommand.Connect c) { s.accept(id); }
            public void onPublishRequest(ServerSession s, long id, int sid, RtmpCommand.Publish p) { s.accept(id); }
            public void onMedia(ServerSession s, int sid, int type, long ts, ByteBuffer body) {
                received.add(ByteBuffer.wrap(new byte[body.remaining()]).put(body.duplicate()).flip());
            }
        });
        Loopback channel = new Loopback(server);
        ByteBuffer videoTagBody = ByteBuffer.wrap(new byte[] {0x17, 0, 0, 0, 0, 1, 0x42, 0, 0x1e});
        // README:begin
        ClientSession client = ClientSession.publisher("live", "rtmp://localhost/live", "key", new ClientSession.Listener() {
            public void onError(ClientSession s, RtmpCommand answer) { System.err.println("refused: " + answer); }
        });
        while (!client.isActive()) {                   // handshake, connect, createStream, publish
            for (ByteBuffer out; (out = client.pollOutbound()) != null; ) {
                channel.write(out);                    // C0+C1 first
            }
            client.feed(read(channel));                // what the server answered
        }
        client.sendMedia(9, 0, videoTagBody);          // FLV tag bodies (module flv), 8 audio, 9 video
        // README:end
        for (ByteBuffer out; (out = client.pollOutbound()) != null; ) {
            channel.write(out);
        }
        assertThat(received).containsExactly(ByteBuffer.wrap(new byte[] {0x17, 0, 0, 0, 0, 1, 0x42, 0, 0x1e}));
    }

    /** A duplex in memory: what is written goes into {@code server}; what it sends comes back on read. */
    static final class Loopback implements java.nio.channels.WritableByteChannel {
        final ServerSession server;

        Loopback(ServerSession server) {
            this.server = server;
        }

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            server.feed(src);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    /** Everything the server has sent so far. */
    static ByteBuffer read(Loopback channel) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (ByteBuffer b; (b = channel.server.pollOutbound()) != null; ) {
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            out.writeBytes(bytes);
        }
        return ByteBuffer.wrap(out.toByteArray());
    }

    @Test
    void readsABasicHeader() {
        ByteBuffer received = ByteBuffer.wrap(new byte[] {(byte) 0xC1, 0x00});
        ChunkBasicHeader basic = ChunkBasicHeader.tryParse(received);
        assertThat(basic).isNull();
        received = ByteBuffer.wrap(new byte[] {(byte) 0xC1, 0x00, 0x01});
        assertThat(ChunkBasicHeader.tryParse(received)).isEqualTo(new ChunkBasicHeader(3, 320));
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(RtmpReadmeExampleTest.class);
    }
}
