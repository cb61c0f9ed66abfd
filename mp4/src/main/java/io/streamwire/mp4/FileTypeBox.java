package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * File type box {@code ftyp} (ISO/IEC 14496-12:2022 §4.3) or segment type box {@code styp} (§8.16.2),
 * which share one syntax:
 * <pre>
 * unsigned int(32) major_brand;
 * unsigned int(32) minor_version;
 * unsigned int(32) compatible_brands[];  // to the end of the box
 * </pre>
 *
 * @param type {@code ftyp} or {@code styp}
 * @param majorBrand major_brand, e.g. {@code isom}, {@code cmfc}, {@code msdh}
 * @param minorVersion minor_version, 0..2^32-1
 * @param compatibleBrands compatible_brands, in order
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record FileTypeBox(BoxType type, BoxType majorBrand, long minorVersion, List<BoxType> compatibleBrands) implements Box {
    /** Checks the components. */
    public FileTypeBox {
        if (!type.equals(BoxType.FTYP) && !type.equals(BoxType.STYP)) {
            throw new IllegalArgumentException("type ftyp or styp, not " + type);
        }
        if (minorVersion < 0 || minorVersion > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("minor_version out of range: " + minorVersion);
        }
        java.util.Objects.requireNonNull(majorBrand, "majorBrand");
        compatibleBrands = List.copyOf(compatibleBrands);
    }

    /** An {@code ftyp} with these brands. */
    public static FileTypeBox ftyp(String majorBrand, long minorVersion, String... compatible) {
        return of(BoxType.FTYP, majorBrand, minorVersion, compatible);
    }

    /** An {@code styp} with these brands. */
    public static FileTypeBox styp(String majorBrand, long minorVersion, String... compatible) {
        return of(BoxType.STYP, majorBrand, minorVersion, compatible);
    }

    private static FileTypeBox of(BoxType type, String major, long minor, String... compatible) {
        List<BoxType> brands = new ArrayList<>();
        for (String c : compatible) {
            brands.add(BoxType.of(c));
        }
        return new FileTypeBox(type, BoxType.of(major), minor, brands);
    }

    static FileTypeBox parse(Payload p) {
        BoxType major = new BoxType(p.i32("major_brand"));
        long minor = p.u32("minor_version");
        if (p.remaining() % 4 != 0) {
            throw p.error("compatible_brands", p.remaining() + " bytes is not a whole number of brands");
        }
        int n = p.entries(p.remaining() / 4, 4, "compatible_brands");
        List<BoxType> brands = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            brands.add(new BoxType(p.i32("compatible_brands")));
        }
        return new FileTypeBox(p.header.type(), major, minor, brands);
    }

    @Override
    public int payloadSize() {
        return 8 + 4 * compatibleBrands.size();
    }

    @Override
    public void writePayload(ByteBuffer out) {
        BigEndian.putIntRelative(out, majorBrand.value());
        BigEndian.putIntRelative(out, (int) minorVersion);
        for (BoxType b : compatibleBrands) {
            BigEndian.putIntRelative(out, b.value());
        }
    }
}
