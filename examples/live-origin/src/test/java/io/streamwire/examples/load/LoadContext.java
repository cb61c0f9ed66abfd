package io.streamwire.examples.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every simulated client of one run shares: the one event loop group, the bootstrap options
 * (SO_REUSEADDR, TCP_NODELAY, a connect timeout), the round-robin source addresses on loopback, the
 * count of open connections (and its peak), and the stop flag.
 *
 * <p>Thread-safe.
 */
final class LoadContext implements AutoCloseable {
    final EventLoopGroup group;
    final LoadConfig config;
    private final Bootstrap bootstrap;
    private final AtomicInteger nextSource = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private volatile boolean stopping;

    LoadContext(LoadConfig config, int threads) {
        this.config = config;
        this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.requestTimeoutSeconds() * 1000);
    }

    /**
     * Connects to {@code uri}'s host and port (default {@code defaultPort}) with {@code handler}, on
     * {@code loop} so that a client's state stays on one thread.
     */
    ChannelFuture connect(EventLoop loop, URI uri, int defaultPort, ChannelHandler handler) {
        InetSocketAddress remote = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? defaultPort : uri.getPort());
        Bootstrap b = bootstrap.clone(loop).handler(handler);
        int sources = config.sourceAddresses();
        ChannelFuture f;
        if (sources > 0 && remote.getAddress() != null && remote.getAddress().isLoopbackAddress()
                && remote.getAddress().getAddress().length == 4) {
            int n = Math.floorMod(nextSource.getAndIncrement(), sources);
            f = b.connect(remote, new InetSocketAddress("127.0.0." + (2 + n), 0));
        } else {
            f = b.connect(remote);
        }
        f.addListener((ChannelFuture done) -> {
            if (done.isSuccess()) {
                peak.accumulateAndGet(open.incrementAndGet(), Math::max);
                done.channel().closeFuture().addListener(c -> open.decrementAndGet());
            }
        });
        return f;
    }

    boolean stopping() {
        return stopping;
    }

    void stop() {
        stopping = true;
    }

    int openConnections() {
        return open.get();
    }

    int peakConnections() {
        return peak.get();
    }

    @Override
    public void close() {
        stopping = true;
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
