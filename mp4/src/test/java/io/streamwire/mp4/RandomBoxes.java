package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Random, valid instances of every box record, for the round-trip properties and fuzz seeds. */
final class RandomBoxes {
    private RandomBoxes() {}

    static final int KINDS = 34;

    static Box any(Random r, int depth) {
        return of(r.nextInt(KINDS), r, depth);
    }

    static Box of(int kind, Random r, int depth) {
        return switch (kind) {
            case 0 -> new RawBox(BoxType.of("abcd"), null, r.nextBoolean(), bytes(r, 20));
            case 1 -> new RawBox(BoxType.UUID, new UUID(r.nextLong(), r.nextLong()), r.nextBoolean(), bytes(r, 20));
            case 2 -> new ContainerBox(r.nextBoolean() ? BoxType.MOOV : BoxType.TRAF, children(r, depth));
            case 3 -> new FileTypeBox(r.nextBoolean() ? BoxType.FTYP : BoxType.STYP, type(r), u32(r), types(r));
            case 4 -> {
                int v = r.nextInt(2);
                yield new MovieHeaderBox(v, flags(r), time(r, v), time(r, v), u32(r), time(r, v), r.nextInt(), (short) r.nextInt(),
                        matrix(r), u32(r));
            }
            case 5 -> {
                int v = r.nextInt(2);
                yield new TrackHeaderBox(v, flags(r), time(r, v), time(r, v), u32(r), time(r, v), (short) r.nextInt(),
                        (short) r.nextInt(), (short) r.nextInt(), matrix(r), r.nextInt(), r.nextInt());
            }
            case 6 -> {
                int v = r.nextInt(2);
                yield new MediaHeaderBox(v, flags(r), time(r, v), time(r, v), u32(r), time(r, v), r.nextInt(0x8000));
            }
            case 7 -> new HandlerBox(0, flags(r), r.nextInt(), type(r), bytes(r, 12));
            case 8 -> new VideoMediaHeaderBox(0, flags(r), r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(0x10000));
            case 9 -> new SoundMediaHeaderBox(0, flags(r), (short) r.nextInt());
            case 10 -> new DataReferenceBox(0, flags(r), List.of(DataEntryUrlBox.SELF_CONTAINED, new DataEntryUrlBox(0, 0, ascii(r))));
            case 11 -> r.nextBoolean() ? DataEntryUrlBox.SELF_CONTAINED : new DataEntryUrlBox(0, flags(r) & ~1, ascii(r));
            case 12 -> new SampleDescriptionBox(r.nextInt(2), flags(r), List.of(visual(r), audio(r)));
            case 13 -> visual(r);
            case 14 -> audio(r);
            case 15 -> {
                BoxType t = List.of(BoxType.AVCC, BoxType.HVCC, BoxType.AV1C).get(r.nextInt(3));
                ByteBuffer record = bytes(r, 23, 40);
                record.put(0, (byte) (t.equals(BoxType.AV1C) ? 0x81 : 1));
                yield new CodecConfigurationBox(t, record);
            }
            case 16 -> EsdsBox.forAudio(r.nextInt(0x10000), bytes(r, 2, 200).array(), r.nextInt(1 << 24), u32(r), u32(r));
            case 17 -> {
                int family = r.nextBoolean() ? 0 : 1 + r.nextInt(255);
                int channels = 1 + r.nextInt(255);
                yield new OpusSpecificBox(0, channels, r.nextInt(0x10000), u32(r), (short) r.nextInt(), family,
                        family == 0 ? 0 : r.nextInt(256), family == 0 ? 0 : r.nextInt(256),
                        ByteBuffer.wrap(bytes(r, family == 0 ? 0 : channels, family == 0 ? 0 : channels).array()));
            }
            case 18 -> new ColourInformationBox(r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(0x10000), r.nextBoolean());
            case 19 -> new PixelAspectRatioBox(u32(r), u32(r));
            case 20 -> new BitRateBox(u32(r), u32(r), u32(r));
            case 21 -> {
                int n = r.nextInt(5);
                yield new TimeToSampleBox(0, flags(r), ints(r, n), ints(r, n));
            }
            case 22 -> {
                int n = r.nextInt(5);
                yield new CompositionOffsetBox(r.nextInt(2), flags(r), ints(r, n), ints(r, n));
            }
            case 23 -> new SyncSampleBox(0, flags(r), ints(r, r.nextInt(5)));
            case 24 -> {
                int n = r.nextInt(5);
                yield r.nextBoolean() ? new SampleSizeBox(0, flags(r), 0, n, ints(r, n))
                        : new SampleSizeBox(0, flags(r), 1 + r.nextInt(1000), u32(r), new int[0]);
            }
            case 25 -> {
                int n = r.nextInt(5);
                yield new SampleToChunkBox(0, flags(r), ints(r, n), ints(r, n), ints(r, n));
            }
            case 26 -> {
                long[] offsets = new long[r.nextInt(5)];
                boolean wide = r.nextBoolean();
                for (int i = 0; i < offsets.length; i++) {
                    offsets[i] = wide ? r.nextLong() : u32(r);
                }
                yield new ChunkOffsetBox(wide ? BoxType.CO64 : BoxType.STCO, 0, flags(r), offsets);
            }
            case 27 -> {
                int v = r.nextInt(2);
                List<EditListBox.Entry> e = new ArrayList<>();
                for (int i = r.nextInt(3); i > 0; i--) {
                    e.add(new EditListBox.Entry(time(r, v), v == 1 ? r.nextLong() : r.nextInt(), (short) r.nextInt(), (short) r.nextInt()));
                }
                yield new EditListBox(v, flags(r), e);
            }
            case 28 -> new TrackExtendsBox(0, flags(r), u32(r), u32(r), u32(r), u32(r), r.nextInt());
            case 29 -> new MovieFragmentHeaderBox(0, flags(r), u32(r));
            case 30 -> {
                int f = flags(r);
                yield new TrackFragmentHeaderBox(0, f, u32(r), (f & 1) != 0 ? r.nextLong() : 0, (f & 2) != 0 ? u32(r) : 0,
                        (f & 8) != 0 ? u32(r) : 0, (f & 0x10) != 0 ? u32(r) : 0, (f & 0x20) != 0 ? r.nextInt() : 0);
            }
            case 31 -> {
                int v = r.nextInt(2);
                yield new TrackFragmentBaseMediaDecodeTimeBox(v, flags(r), time(r, v));
            }
            case 32 -> {
                int f = flags(r);
                int n = r.nextInt(6);
                yield new TrackRunBox(r.nextInt(2), f, n, (f & 1) != 0 ? r.nextInt() : 0, (f & 4) != 0 ? r.nextInt() : 0,
                        ints(r, (f & 0x100) != 0 ? n : 0), ints(r, (f & 0x200) != 0 ? n : 0), ints(r, (f & 0x400) != 0 ? n : 0),
                        ints(r, (f & 0x800) != 0 ? n : 0));
            }
            default -> {
                int v = r.nextInt(2);
                yield r.nextBoolean() ? new ProducerReferenceTimeBox(v, flags(r), u32(r), r.nextLong(), time(r, v))
                        : new EventMessageBox(v, 0, ascii(r), ascii(r), u32(r), time(r, v) & 0xFFFF_FFFFL, u32(r), u32(r), bytes(r, 30));
            }
        };
    }

    private static VisualSampleEntry visual(Random r) {
        BoxType type = List.of(BoxType.AVC1, BoxType.AVC3, BoxType.HVC1, BoxType.HEV1, BoxType.AV01).get(r.nextInt(5));
        return new VisualSampleEntry(type, r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(), r.nextInt(),
                r.nextInt(0x10000), ascii(r), r.nextInt(0x10000),
                List.of(new CodecConfigurationBox(BoxType.AVCC, bytes(r, 4, 30)), new PixelAspectRatioBox(1, 1)));
    }

    private static AudioSampleEntry audio(Random r) {
        return new AudioSampleEntry(r.nextBoolean() ? BoxType.MP4A : BoxType.OPUS, r.nextInt(0x10000), r.nextInt(0x10000),
                r.nextInt(0x10000), u32(r), List.of(EsdsBox.forAudio(1, new byte[] {0x12, 0x10}, 0, 0, 0), new BitRateBox(0, 1, 2)));
    }

    private static List<Box> children(Random r, int depth) {
        List<Box> out = new ArrayList<>();
        if (depth < 4) {
            for (int i = r.nextInt(4); i > 0; i--) {
                out.add(any(r, depth + 1));
            }
        }
        return out;
    }

    static ByteBuffer bytes(Random r, int max) {
        return bytes(r, 0, max);
    }

    static ByteBuffer bytes(Random r, int min, int max) {
        byte[] b = new byte[min + r.nextInt(max - min + 1)];
        r.nextBytes(b);
        if (b.length > 0 && min >= 4) {
            b[0] = 1; // configurationVersion 1
        }
        return ByteBuffer.wrap(b);
    }

    private static String ascii(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(12); i >= 0; i--) {
            s.append((char) (0x20 + r.nextInt(0x5F)));
        }
        return s.toString();
    }

    private static int[] ints(Random r, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt();
        }
        return a;
    }

    private static int flags(Random r) {
        return r.nextInt(1 << 24);
    }

    private static long u32(Random r) {
        return r.nextInt() & 0xFFFF_FFFFL;
    }

    private static long time(Random r, int version) {
        return version == 1 ? r.nextLong() & Long.MAX_VALUE : u32(r);
    }

    private static BoxType type(Random r) {
        return new BoxType(r.nextInt());
    }

    private static List<BoxType> types(Random r) {
        List<BoxType> t = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            t.add(type(r));
        }
        return t;
    }

    private static Matrix matrix(Random r) {
        return new Matrix(r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt());
    }
}
