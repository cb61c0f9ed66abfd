package io.streamwire.examples.origin;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.Locale;

/**
 * The network transport: Netty's native epoll on Linux x86-64 (fewer system calls and copies than
 * NIO), NIO anywhere else. The system property {@code streamwire.origin.transport} ({@code nio} or
 * {@code epoll}) forces one; {@code epoll} where it cannot load fails at start.
 */
enum Transport {
    NIO, EPOLL;

    /** The system property that forces a transport. */
    static final String PROPERTY = "streamwire.origin.transport";

    static Transport choose(String wanted) {
        return switch (wanted.toLowerCase(Locale.ROOT)) {
            case "nio" -> NIO;
            case "epoll" -> {
                Epoll.ensureAvailability();
                yield EPOLL;
            }
            case "auto" -> Epoll.isAvailable() ? EPOLL : NIO;
            default -> throw new IllegalArgumentException("streamwire.origin.transport: nio, epoll or auto, not " + wanted);
        };
    }

    IoHandlerFactory handlers() {
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
