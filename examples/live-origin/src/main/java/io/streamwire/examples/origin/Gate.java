package io.streamwire.examples.origin;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The first handler of every accepted connection on one port: counts connections in total and per
 * client address, and closes a connection past either cap at once (before any of its bytes is read).
 * Counts go down when the connection closes, whatever closed it.
 */
@ChannelHandler.Sharable
final class Gate extends ChannelInboundHandlerAdapter {
    private final String port;
    private final int maxTotal;
    private final int maxPerAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    /**
     * @param port what the port serves, for the log ("rtmp", "http", "admin")
     * @param maxPerAddress 0: no per-address cap
     */
    Gate(String port, int maxTotal, int maxPerAddress) {
        this.port = port;
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetAddress address = address(ctx);
        int total = open.incrementAndGet();
        int mine = perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        if (total > maxTotal || (maxPerAddress > 0 && mine > maxPerAddress)) {
            long n = refused.incrementAndGet();
            if (n == 1 || n % 1000 == 0) { // one line per burst, not per connection
                OriginLog.warn("refuse", "port", port, "addr", address.getHostAddress(), "reason",
                        total > maxTotal ? "connection cap " + maxTotal : "per-address cap " + maxPerAddress,
                        "refusedSoFar", n);
            }
            ctx.close();
            return;
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        open.decrementAndGet();
        InetAddress address = address(ctx);
        perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        super.channelInactive(ctx);
    }

    private static InetAddress address(ChannelHandlerContext ctx) {
        return ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    }

    /** Connections open now (including any being refused this instant). */
    int open() {
        return open.get();
    }

    /** Connections closed at once for a cap. */
    long refused() {
        return refused.get();
    }
}
