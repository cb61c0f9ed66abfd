package io.streamwire.rtmp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Drives a {@link ClientSession} over a blocking loopback socket; a reader thread feeds it. */
final class ClientDriver implements AutoCloseable {
    final ClientSession session;
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final Socket socket;
    private final OutputStream out;
    private final Thread reader;

    ClientDriver(int port, ClientSession session) throws IOException {
        this.session = session;
        this.socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        synchronized (session) {
            flush();
        }
        reader = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (session) {
                        session.feed(ByteBuffer.wrap(buffer, 0, n));
                        flush();
                    }
                }
            } catch (java.net.SocketException closed) {
                // closed by the test
            } catch (Throwable t) {
                errors.add(t);
            }
        }, "rtmp-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Runs {@code action} on the session under its lock, then sends what it queued. */
    void with(Consumer<ClientSession> action) throws IOException {
        synchronized (session) {
            action.accept(session);
            flush();
        }
    }

    /** Waits up to {@code millis} for {@code condition}. */
    static boolean await(long millis, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void flush() throws IOException {
        ByteBuffer b;
        while ((b = session.pollOutbound()) != null) {
            byte[] copy = new byte[b.remaining()];
            b.get(copy);
            out.write(copy);
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
