package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.streamwire.flv.FlvStreamWriter;
import io.streamwire.rtmp.DataMessage;
import io.streamwire.rtmp.RtmpCommand;
import io.streamwire.rtmp.ServerSession;
import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ffmpeg 5.1 publishes the 4 s H.264+AAC fixture over loopback to a Netty 4.1 server whose only
 * handler is the README's {@link NettyReadmeExampleTest.RtmpHandler}; the listener records with
 * {@link FlvStreamWriter}, and ffprobe must find the source's packets in the recording.
 */
@Tag("interop")
class NettyInteropTest {

    @Test
    void ffmpegPublishesThroughTheNettyHandler(@TempDir Path dir) throws Exception {
        Path source = Fixtures.copyTo("flv/h264-aac-4s.flv", dir);
        Path out = dir.resolve("netty.flv");
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        ServerSession.Listener listener = new ServerSession.Listener() {
            FlvStreamWriter flv;

            public void onConnectRequest(ServerSession s, long id, RtmpCommand.Connect c) { s.accept(id); }

            public void onPublishRequest(ServerSession s, long id, int sid, RtmpCommand.Publish p) {
                try {
                    flv = FlvStreamWriter.of(Files.newOutputStream(out), true, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                s.accept(id);
            }

            public void onData(ServerSession s, int sid, long ts, DataMessage data) {
                write(() -> flv.writeScriptData(ts, data.values()));
            }

            public void onMedia(ServerSession s, int sid, int type, long ts, ByteBuffer body) {
                write(() -> flv.writeTag(type, ts, body));
            }

            public void onStreamEnded(ServerSession s, int sid) {
                write(() -> flv.close());
                ended.countDown();
            }

            void write(IoAction a) {
                try {
                    a.run();
                } catch (IOException | RuntimeException e) {
                    errors.add(e);
                }
            }
        };
        EventLoopGroup group = new NioEventLoopGroup(1);
        try {
            Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new NettyReadmeExampleTest.RtmpHandler(listener));
                        }
                    }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            List<String> cmd = List.of(ExternalTools.require("ffmpeg", "ffmpeg").toString(), "-hide_banner", "-loglevel",
                    "error", "-nostdin", "-i", source.toString(), "-c", "copy", "-f", "flv",
                    "rtmp://127.0.0.1:" + port + "/live/cam");
            ExternalTools.run(60, cmd).requireSuccess(cmd);
            assertThat(ended.await(10, TimeUnit.SECONDS)).as("unpublish seen").isTrue();
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
        assertThat(errors).isEmpty();
        assertThat(FlvRecordingInteropTest.packets(out, 0)).isEqualTo(FlvRecordingInteropTest.packets(source, 0))
                .isNotEmpty();
    }

    interface IoAction {
        void run() throws IOException;
    }
}
