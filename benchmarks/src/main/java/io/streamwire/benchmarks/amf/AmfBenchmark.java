package io.streamwire.benchmarks.amf;

import io.streamwire.amf.Amf0Command;
import io.streamwire.amf.Amf0Object;
import io.streamwire.amf.Amf0Reader;
import io.streamwire.amf.Amf0String;
import io.streamwire.amf.Amf0Token;
import io.streamwire.amf.Amf0TokenReader;
import io.streamwire.amf.Amf0Value;
import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.Goal;
import io.streamwire.benchmarks.Main;
import io.streamwire.benchmarks.Red5Amf0;
import io.streamwire.flv.FlvDecoder;
import io.streamwire.flv.FlvTagHeader;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * AMF0 decoding of the two messages every RTMP/FLV stack reads: a typical RTMP {@code connect}
 * command (as OBS/FMLE send it: name, transaction id, an 11-property command object) and ffmpeg's
 * onMetaData script body (the {@code avc-aac-bframes.flv} fixture's first tag: name + a 17-entry
 * ECMA array). Units are messages.
 *
 * <ul>
 *   <li>{@code amf0Connect_streamwire}, {@code amf0OnMetaData_streamwire}: the value tree
 *       ({@link Amf0Command#parse}, {@link Amf0Reader#readAll}).</li>
 *   <li>{@code amf0Connect_red5}, {@code amf0OnMetaData_red5}: Red5 1.3.37's AMF0 {@code Input} +
 *       {@code Deserializer.deserialize(in, Object.class)} per value into Java maps.</li>
 *   <li>{@code amf0ConnectTokens_streamwire}, {@code amf0OnMetaDataTokens_streamwire}: the streaming
 *       {@link Amf0TokenReader} walking every token, reading numbers and matching property names
 *       without strings (allocates nothing).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AmfBenchmark {
    private byte[] connect;
    private byte[] onMetaData;
    private ByteBuffer connectBuffer;
    private ByteBuffer onMetaDataBuffer;
    private final Amf0TokenReader tokens = new Amf0TokenReader();

    @Setup
    public void setUp() {
        Map<String, Amf0Value> object = new LinkedHashMap<>();
        object.put("app", new Amf0String("live"));
        object.put("type", new Amf0String("nonprivate"));
        object.put("flashVer", new Amf0String("FMLE/3.0 (compatible; FMSc/1.0)"));
        object.put("swfUrl", new Amf0String("rtmp://127.0.0.1:1935/live"));
        object.put("tcUrl", new Amf0String("rtmp://127.0.0.1:1935/live"));
        object.put("fpad", Amf0Value.of(false));
        object.put("capabilities", Amf0Value.of(239.0));
        object.put("audioCodecs", Amf0Value.of(3575.0));
        object.put("videoCodecs", Amf0Value.of(252.0));
        object.put("videoFunction", Amf0Value.of(1.0));
        object.put("objectEncoding", Amf0Value.of(0.0));
        connect = Amf0Command.of("connect", 1, new Amf0Object(object)).toByteArray();
        connectBuffer = ByteBuffer.wrap(connect);
        byte[][] script = new byte[1][];
        FlvDecoder decoder = new FlvDecoder(tag -> {
            if (tag.tagType() == FlvTagHeader.SCRIPT_DATA && script[0] == null) {
                script[0] = tag.toByteArray();
            }
        });
        decoder.feed(ByteBuffer.wrap(Main.fixture("flv/avc-aac-bframes.flv")));
        decoder.endOfInput();
        onMetaData = script[0];
        onMetaDataBuffer = ByteBuffer.wrap(onMetaData);
    }

    @Benchmark
    @Goal(peer = "red5", minPeerRatio = 4, unit = "messages")
    public Object amf0Connect_streamwire(Counters counters) {
        connectBuffer.position(0);
        Amf0Command command = Amf0Command.parse(connectBuffer);
        counters.bytes += connect.length;
        counters.units++;
        return command;
    }

    @Benchmark
    public int amf0Connect_red5(Counters counters) {
        int values = Red5Amf0.decodeAll(connect);
        counters.bytes += connect.length;
        counters.units++;
        return values;
    }

    @Benchmark
    @Goal(maxBytesPerUnit = 0, unit = "messages")
    public double amf0ConnectTokens_streamwire(Counters counters) {
        double check = walk(connectBuffer);
        counters.bytes += connect.length;
        counters.units++;
        return check;
    }

    @Benchmark
    @Goal(peer = "red5", minPeerRatio = 4, unit = "messages")
    public Object amf0OnMetaData_streamwire(Counters counters) {
        onMetaDataBuffer.position(0);
        Object values = Amf0Reader.readAll(onMetaDataBuffer);
        counters.bytes += onMetaData.length;
        counters.units++;
        return values;
    }

    @Benchmark
    public int amf0OnMetaData_red5(Counters counters) {
        int values = Red5Amf0.decodeAll(onMetaData);
        counters.bytes += onMetaData.length;
        counters.units++;
        return values;
    }

    @Benchmark
    @Goal(maxBytesPerUnit = 0, unit = "messages")
    public double amf0OnMetaDataTokens_streamwire(Counters counters) {
        double check = walk(onMetaDataBuffer);
        counters.bytes += onMetaData.length;
        counters.units++;
        return check;
    }

    private double walk(ByteBuffer body) {
        body.position(0);
        tokens.reset(body);
        double check = 0;
        Amf0Token t;
        while ((t = tokens.next()) != Amf0Token.END_OF_INPUT) {
            if (t == Amf0Token.NUMBER) {
                check += tokens.number();
            } else if (t == Amf0Token.PROPERTY_NAME && (tokens.stringEquals("tcUrl") || tokens.stringEquals("duration"))) {
                check += 1;
            } else if (t == Amf0Token.STRING) {
                check += tokens.stringLength();
            }
        }
        return check;
    }
}
