package io.streamwire.examples.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What a newcomer sees while the load runs, measured from threads of their own (not the load's
 * event loops): a playlist request once a second on a new connection (connect to last byte), and
 * an ffmpeg that starts publishing another stream, whose playlist ffprobe must then read.
 *
 * <p>Thread-safe: each probe runs on its own thread and publishes its results when it ends.
 */
final class Probes {
    final RequestStats playlist = new RequestStats();
    final Failures playlistFailures = new Failures();
    private volatile String publishResult = "{\"attempted\":false}";

    /** Requests {@code url} once a second until {@code deadlineNanos}. */
    Thread startPlaylistProbe(URI url, long deadlineNanos, int timeoutSeconds) {
        Thread t = new Thread(() -> {
            long next = System.nanoTime();
            while (next < deadlineNanos) {
                long start = System.nanoTime();
                try (Socket s = new Socket()) {
                    s.setTcpNoDelay(true);
                    s.setSoTimeout(timeoutSeconds * 1000);
                    s.connect(new InetSocketAddress(url.getHost(), url.getPort() < 0 ? 80 : url.getPort()), timeoutSeconds * 1000);
                    OutputStream out = s.getOutputStream();
                    out.write(("GET " + HlsViewer.pathOf(url) + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                            + "\r\nUser-Agent: streamwire-load-probe\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    byte[] response = s.getInputStream().readAllBytes();
                    long latency = System.nanoTime() - start;
                    String head = new String(response, 0, Math.min(response.length, 16), StandardCharsets.US_ASCII);
                    int code = head.startsWith("HTTP/1.") && head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : 0;
                    if (code / 100 == 2) {
                        playlist.record(latency, response.length);
                    } else {
                        playlistFailures.status(code, "probe " + url);
                    }
                } catch (java.net.SocketTimeoutException e) {
                    playlistFailures.exception(new java.util.concurrent.TimeoutException("probe " + url), false);
                } catch (IOException e) {
                    playlistFailures.exception(e, false);
                }
                next += TimeUnit.SECONDS.toNanos(1);
                sleepUntil(next);
            }
        }, "load-playlist-probe");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * After {@code delaySeconds}, publishes a test pattern with ffmpeg to {@code rtmpUrl} for the rest
     * of the run, then runs ffprobe on {@code playlistUrl} every few seconds until it reads a video
     * stream (at most 4 tries, 5 s apart, the first 6 s after the publish started).
     */
    Thread startPublishProbe(String rtmpUrl, String playlistUrl, int delaySeconds, long deadlineNanos, Path workDir) {
        Thread t = new Thread(() -> publishProbe(rtmpUrl, playlistUrl, delaySeconds, deadlineNanos, workDir), "load-publish-probe");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void publishProbe(String rtmpUrl, String playlistUrl, int delaySeconds, long deadlineNanos, Path workDir) {
        sleepUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(delaySeconds));
        long seconds = Math.max(10, TimeUnit.NANOSECONDS.toSeconds(deadlineNanos - System.nanoTime()));
        String ffmpeg = System.getenv().getOrDefault("FFMPEG", "ffmpeg");
        String ffprobe = System.getenv().getOrDefault("FFPROBE", "ffprobe");
        Process publisher = null;
        long started = System.nanoTime();
        String detail = "";
        boolean ok = false;
        int tries = 0;
        try {
            Path log = Files.createTempFile(workDir, "publish-probe", ".log");
            publisher = new ProcessBuilder(ffmpeg, "-hide_banner", "-nostdin", "-v", "error", "-re",
                    "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                    "-t", Long.toString(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-f", "flv", rtmpUrl)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            sleepUntil(started + TimeUnit.SECONDS.toNanos(6));
            while (tries < 4 && !ok) {
                tries++;
                Process probe = new ProcessBuilder(ffprobe, "-v", "error", "-rw_timeout", "5000000", "-show_entries",
                        "stream=codec_type", "-of", "csv=p=0", playlistUrl).redirectErrorStream(true).start();
                byte[] out;
                try (InputStream in = probe.getInputStream()) {
                    out = in.readAllBytes();
                }
                boolean finished = probe.waitFor(20, TimeUnit.SECONDS);
                String text = new String(out, StandardCharsets.UTF_8).strip();
                ok = finished && probe.exitValue() == 0 && text.contains("video");
                detail = "ffprobe try " + tries + ": " + (finished ? "exit " + probe.exitValue() : "timed out") + ", "
                        + text.replace('\n', ' ') + "; ffmpeg " + (publisher.isAlive() ? "running" : "exited " + publisher.exitValue()
                        + ": " + Files.readString(log).strip());
                if (!finished) {
                    probe.destroyForcibly();
                }
                if (!ok) {
                    sleepUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
                }
            }
        } catch (IOException e) {
            detail = "could not run ffmpeg/ffprobe: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            detail = "interrupted";
        } finally {
            double seconds2 = (System.nanoTime() - started) / 1e9;
            publishResult = "{\"attempted\":true,\"ok\":" + ok + ",\"tries\":" + tries + ",\"secondsToOk\":"
                    + RequestStats.round(ok ? seconds2 : -1) + ",\"detail\":" + JsonText.quote(detail) + "}";
            if (publisher != null) {
                publisher.destroy();
            }
        }
    }

    String publishJson() {
        return publishResult;
    }

    private static void sleepUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
