package io.streamwire.examples;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.amf.Amf0Reader;
import io.streamwire.amf.Amf0Value;
import io.streamwire.core.Anomaly;
import io.streamwire.core.StreamwireException;
import io.streamwire.flv.FlvAnomalyKind;
import io.streamwire.flv.FlvDecoder;
import io.streamwire.flv.FlvHeader;
import io.streamwire.flv.FlvStreamWriter;
import io.streamwire.flv.FlvTag;
import io.streamwire.flv.FlvTagHeader;
import io.streamwire.rtmp.ClientSession;
import io.streamwire.rtmp.DataMessage;
import io.streamwire.rtmp.RtmpCommand;
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
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "RTMP publish → FLV file" example, compiled and run: a publisher's messages land in a file. */
class FlvRecordingReadmeExampleTest {

    // README:begin
    /** Records each publish to DIR/KEY.flv: one connection, on its own (platform or virtual) thread. */
    static void record(Socket socket, Path dir) {
        FlvStreamWriter[] flv = {null};
        try (socket; InputStream in = socket.getInputStream();
                WritableByteChannel out = Channels.newChannel(socket.getOutputStream())) {
            ServerSession session = new ServerSession(new ServerSession.Listener() {
                public void onConnectRequest(ServerSession s, long id, RtmpCommand.Connect c) { s.accept(id); }
                public void onPublishRequest(ServerSession s, long id, int sid, RtmpCommand.Publish p) {
                    if (flv[0] != null || !p.streamKey().matches("[A-Za-z0-9_-]{1,64}")) {
                        s.reject(id, "one publish per connection, keys [A-Za-z0-9_-]");
                        return;
                    }
                    try {
                        FileChannel file = FileChannel.open(dir.resolve(p.streamKey() + ".flv"), CREATE, WRITE, TRUNCATE_EXISTING);
                        flv[0] = FlvStreamWriter.of(file, true, true); // FLV header with audio and video flags
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    s.accept(id);
                }
                public void onData(ServerSession s, int sid, long ts, DataMessage data) {
                    try { // @setDataFrame onMetaData {...} is written as the file's onMetaData {...}
                        if (data instanceof DataMessage.MetaData) flv[0].writeScriptData(ts, data.values());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                public void onMedia(ServerSession s, int sid, int type, long ts, ByteBuffer body) {
                    try { // type 8/9 is the FLV TagType, the body is the tag body, ts is kept past 2^24 ms
                        flv[0].writeTag(type, ts, body);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                session.feed(ByteBuffer.wrap(buffer, 0, n));
                for (ByteBuffer b; (b = session.pollOutbound()) != null; ) {
                    while (b.hasRemaining()) out.write(b); // ours to keep: no copy needed (see pollOutbound())
                }
            }
            session.endOfInput();
        } catch (IOException | UncheckedIOException | StreamwireException e) {
            // the connection is over; what was written so far is a playable file
        } finally {
            try {
                if (flv[0] != null) flv[0].close();
            } catch (IOException e) {
                // nothing more to save
            }
        }
    }
    // README:end

    /** Accepts connections on {@code listener} and records each on a daemon thread, until the socket closes. */
    static Thread serve(ServerSocket listener, Path dir) {
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket s = listener.accept();
                    s.setSoTimeout(30_000);
                    Thread t = new Thread(() -> record(s, dir), "flv-recorder");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "flv-recorder-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        return acceptor;
    }

    @Test
    void aClientSessionPublishLandsInAnFlvFile(@TempDir Path dir) throws Exception {
        List<ByteBuffer> sent = new ArrayList<>();
        sent.add(ByteBuffer.wrap(new byte[] {0x17, 0, 0, 0, 0, 1, 0x42, 0, 0x1e}));
        sent.add(ByteBuffer.wrap(new byte[] {(byte) 0xAF, 0, 0x12, 0x10}));
        for (int i = 1; i <= 20; i++) {
            sent.add(ByteBuffer.wrap(new byte[3000 + i]));
        }
        long base = 16_800_000L; // past 2^24 ms: needs TimestampExtended
        Amf0Value meta = Amf0Value.object(Map.of("width", Amf0Value.of(320.0)));
        try (ServerSocket listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            serve(listener, dir);
            ClientSession publisher = ClientSession.publisher("live", "rtmp://localhost/live", "cam1", new ClientSession.Listener() { });
            try (Socket p = new Socket("127.0.0.1", listener.getLocalPort())) {
                p.setSoTimeout(10_000);
                RtmpReadmeExampleTest.pumpUntil(p, publisher, publisher::isActive);
                publisher.sendMetaData(0, meta);
                publisher.sendMedia(9, 0, sent.get(0));
                publisher.sendMedia(8, 0, sent.get(1));
                for (int i = 2; i < sent.size(); i++) {
                    publisher.sendMedia(i % 2 == 0 ? 9 : 8, base + i * 20L, sent.get(i));
                }
                publisher.close();
                RtmpReadmeExampleTest.pumpUntil(p, publisher, () -> !publisher.hasOutbound());
                p.shutdownOutput();
                p.getInputStream().readAllBytes(); // the recorder closed the connection: the file is closed
            }
        }
        byte[] file = Files.readAllBytes(dir.resolve("cam1.flv"));
        List<FlvTagHeader> tags = new ArrayList<>(); // FlvTag is valid during onTag only: keep copies
        List<byte[]> bodies = new ArrayList<>();
        List<Anomaly<FlvAnomalyKind>> anomalies = new ArrayList<>();
        FlvHeader[] header = {null};
        FlvDecoder decoder = new FlvDecoder(new FlvDecoder.Listener() {
            @Override
            public void onHeader(FlvHeader h) {
                header[0] = h;
            }

            @Override
            public void onTag(FlvTag tag) {
                tags.add(tag.header());
                ByteBuffer b = tag.body().duplicate();
                byte[] copy = new byte[b.remaining()];
                b.get(copy);
                bodies.add(copy);
            }

            @Override
            public void onAnomaly(Anomaly<FlvAnomalyKind> anomaly) {
                anomalies.add(anomaly);
            }
        });
        decoder.feed(ByteBuffer.wrap(file));
        decoder.endOfInput();
        assertThat(anomalies).isEmpty();
        assertThat(header[0]).isEqualTo(FlvHeader.of(true, true));
        assertThat(tags).hasSize(1 + sent.size());
        assertThat(tags.stream().map(FlvTagHeader::tagType).toList()).as("tag types").startsWith(18, 9, 8);
        assertThat(Amf0Reader.readAll(ByteBuffer.wrap(bodies.get(0)))).containsExactly(Amf0Value.of("onMetaData"), meta);
        for (int i = 0; i < sent.size(); i++) {
            FlvTagHeader t = tags.get(1 + i);
            assertThat(t.tagType()).isEqualTo(i == 1 || (i >= 2 && i % 2 == 1) ? 8 : 9);
            assertThat(t.timestampUnsigned()).isEqualTo(i < 2 ? 0 : base + i * 20L);
            assertThat(ByteBuffer.wrap(bodies.get(1 + i))).isEqualTo(sent.get(i));
        }
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(FlvRecordingReadmeExampleTest.class);
    }
}
