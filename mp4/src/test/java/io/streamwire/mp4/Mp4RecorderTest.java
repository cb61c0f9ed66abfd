package io.streamwire.mp4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Mp4Recorder} on the avc-aac fixture's samples: the recording (moov at the end) and its
 * faststart copy read back with {@link Mp4FileReader} to the samples that went in; chunk offsets
 * past 4 GiB switch the table to co64. ffmpeg's reading is checked in {@link Mp4WriterInteropTest}.
 */
class Mp4RecorderTest {

    /** The recording: header, payloads in order, moov; the mdat header patched. */
    static byte[] record(List<Mp4TestSamples.Sample> samples, boolean faststart) {
        List<CmafTrack> tracks = Mp4TestSamples.tracks(samples);
        Mp4Recorder recorder = new Mp4Recorder(tracks, Mp4Limits.defaults());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(64);
        recorder.writeHeader(header);
        file.write(header.array(), 0, header.position());
        for (Mp4TestSamples.Sample s : samples) {
            long at = recorder.addSample(s.track(), s.payload().length, (int) (s.pts() - s.dts()), s.duration(), s.sync());
            assertThat(at).isEqualTo(file.size());
            file.writeBytes(s.payload());
        }
        byte[] media = file.toByteArray();
        ByteBuffer mdatHeader = ByteBuffer.allocate(16);
        recorder.writeMdatHeader(mdatHeader);
        System.arraycopy(mdatHeader.array(), 0, media, (int) recorder.mdatHeaderOffset(), 16);
        ByteBuffer moov = ByteBuffer.allocate(1 << 16);
        if (!faststart) {
            recorder.writeMoov(moov);
            file.reset();
            file.writeBytes(media);
            file.write(moov.array(), 0, moov.position());
            return file.toByteArray();
        }
        recorder.writeFaststartMoov(moov);
        int ftyp = (int) recorder.mdatHeaderOffset();
        file.reset();
        file.write(media, 0, ftyp);
        file.write(moov.array(), 0, moov.position());
        file.write(media, ftyp, media.length - ftyp);
        return file.toByteArray();
    }

    @Test
    void recordingsReadBackToTheSamples() {
        List<Mp4TestSamples.Sample> samples = Mp4TestSamples.samples();
        for (boolean faststart : new boolean[] {false, true}) {
            byte[] file = record(samples, faststart);
            assertThat(Boxes.toByteArray(Boxes.parse(ByteBuffer.wrap(file)))).isEqualTo(file);
            Mp4FileReader reader = Mp4FileReader.read(ByteBuffer.wrap(file), Mp4Limits.defaults());
            for (int track = 0; track < 2; track++) {
                int k = track;
                List<Mp4TestSamples.Sample> in = samples.stream().filter(s -> s.track() == k).toList();
                assertThat(reader.sampleCount(track)).isEqualTo(in.size());
                for (int i = 0; i < in.size(); i++) {
                    Mp4Sample out = reader.sample(track, i);
                    Mp4TestSamples.Sample s = in.get(i);
                    assertThat(out.decodeTime()).isEqualTo(s.dts());
                    assertThat(out.presentationTime()).isEqualTo(s.pts());
                    assertThat(out.duration()).isEqualTo(s.duration());
                    assertThat(out.sync()).isEqualTo(s.sync());
                    byte[] payload = new byte[out.size()];
                    out.payload().get(payload);
                    assertThat(payload).isEqualTo(s.payload());
                }
            }
        }
    }

    @Test
    void offsetsPast4GiBUseCo64() {
        Mp4Recorder recorder = new Mp4Recorder(Mp4TestSamples.tracks(Mp4TestSamples.samples()), Mp4Limits.defaults());
        for (int i = 0; i < 6; i++) {
            recorder.addSample(i % 2, 1 << 30, 0, 1024, true); // 1 GiB each, tracks alternating: a chunk each
        }
        assertThat(Boxes.find(List.of(recorder.moov()), "moov", "trak", "mdia", "minf", "stbl", "co64")).isNotNull();
        ByteBuffer out = ByteBuffer.allocate(4096);
        recorder.writeFaststartMoov(out);
        Mp4FileReader reader = Mp4FileReader.fromMoov((ContainerBox) Boxes.parse(out.flip()).get(0), Mp4Limits.defaults());
        long moovSize = out.limit();
        // the third sample of track 0 is the fifth in the file, 4 GiB past the first
        assertThat(reader.sample(0, 2).offset()).isEqualTo(recorder.mdatHeaderOffset() + 16 + 4L * (1 << 30) + moovSize);
        assertThat(reader.sample(0, 0).payload()).isNull();
    }
}
