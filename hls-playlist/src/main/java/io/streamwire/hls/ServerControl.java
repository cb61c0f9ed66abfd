package io.streamwire.hls;

/**
 * EXT-X-SERVER-CONTROL, RFC 8216bis §4.4.3.8: delivery directives the server supports.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attributes the attribute list, unknown attributes included
 * @since 0.1.0
 */
public record ServerControl(AttributeList attributes) implements AttributeTag {
    public ServerControl {
        java.util.Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_SERVER_CONTROL;
    }

    /** CAN-SKIP-UNTIL in seconds, NaN when absent. */
    public double canSkipUntil() {
        return attributes.decimalFloat("CAN-SKIP-UNTIL");
    }

    /** CAN-SKIP-DATERANGES=YES. */
    public boolean canSkipDateranges() {
        return "YES".equals(attributes.enumeratedString("CAN-SKIP-DATERANGES"));
    }

    /** HOLD-BACK in seconds, NaN when absent. */
    public double holdBack() {
        return attributes.decimalFloat("HOLD-BACK");
    }

    /** PART-HOLD-BACK in seconds, NaN when absent. */
    public double partHoldBack() {
        return attributes.decimalFloat("PART-HOLD-BACK");
    }

    /** CAN-BLOCK-RELOAD=YES. */
    public boolean canBlockReload() {
        return "YES".equals(attributes.enumeratedString("CAN-BLOCK-RELOAD"));
    }
}
