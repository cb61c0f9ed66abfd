package io.streamwire.mp4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text box dumps of mp4ff's golden files ({@code [type] size=N}, two spaces of indent per
 * level, {@code - name: value} fields, {@code - sample[i]: ... size=N ...} lines) and compares them
 * with our box trees; decodes Go string literals (mp4ff's fuzz corpus files).
 */
final class GoldenDump {
    private GoldenDump() {}

    record Node(String type, long size, Map<String, String> fields, List<Long> sampleSizes, List<Node> children) {}

    private static final Pattern BOX = Pattern.compile("^( *)\\[(.{4})\\] size=(\\d+).*$");
    private static final Pattern FIELD = Pattern.compile("^ *- ([A-Za-z]+): (.*)$");
    private static final Pattern SAMPLE = Pattern.compile("^ *- sample\\[\\d+\\]:.*?\\bsize=(\\d+).*$");

    static List<Node> parse(List<String> lines) {
        List<Node> top = new ArrayList<>();
        List<Node> stack = new ArrayList<>();
        for (String line : lines) {
            Matcher box = BOX.matcher(line);
            if (box.matches()) {
                int depth = box.group(1).length() / 2;
                Node node = new Node(box.group(2), Long.parseLong(box.group(3)), new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>());
                while (stack.size() > depth) {
                    stack.remove(stack.size() - 1);
                }
                (stack.isEmpty() ? top : stack.get(stack.size() - 1).children()).add(node);
                stack.add(node);
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches()) {
                stack.get(stack.size() - 1).sampleSizes().add(Long.parseLong(sample.group(1)));
                continue;
            }
            Matcher field = FIELD.matcher(line);
            if (field.matches() && !stack.isEmpty()) {
                stack.get(stack.size() - 1).fields().putIfAbsent(field.group(1), field.group(2).trim());
            }
        }
        return top;
    }

    /**
     * Compares types and sizes of {@code golden} and {@code ours} level by level, descending where
     * ours is a container, and the key fields of mfhd, tfhd, tfdt and trun. Returns the boxes compared.
     */
    static int compare(List<Node> golden, List<Box> ours, String path) {
        assertThat(ours.stream().map(b -> b.type().toString()).toList()).as("children of %s", path)
                .isEqualTo(golden.stream().map(Node::type).toList());
        int compared = 0;
        for (int i = 0; i < ours.size(); i++) {
            Node g = golden.get(i);
            Box b = ours.get(i);
            String at = path + "/" + g.type() + "[" + i + "]";
            assertThat(b.encodedSize()).as("size of %s", at).isEqualTo(g.size());
            compared++;
            if (b instanceof ContainerBox c) {
                compared += compare(g.children(), c.children(), at);
            } else if (b instanceof MovieFragmentHeaderBox m) {
                assertThat(m.sequenceNumber()).as(at).isEqualTo(Long.parseLong(g.fields().get("sequenceNumber")));
            } else if (b instanceof TrackFragmentHeaderBox t) {
                assertThat(t.trackId()).as(at).isEqualTo(Long.parseLong(g.fields().get("trackID")));
            } else if (b instanceof TrackFragmentBaseMediaDecodeTimeBox t) {
                assertThat(t.baseMediaDecodeTime()).as(at).isEqualTo(Long.parseLong(g.fields().get("baseMediaDecodeTime")));
            } else if (b instanceof TrackRunBox t) {
                assertThat(t.sampleCount()).as(at).isEqualTo(Integer.parseInt(g.fields().get("sampleCount")));
                if (g.fields().containsKey("DataOffset")) {
                    assertThat(t.dataOffset()).as(at).isEqualTo(Integer.parseInt(g.fields().get("DataOffset")));
                }
                if (t.sampleSize() != null && !g.sampleSizes().isEmpty()) {
                    assertThat(java.util.Arrays.stream(t.sampleSize()).mapToLong(s -> s & 0xFFFFFFFFL).boxed().toList()).as(at)
                            .isEqualTo(g.sampleSizes());
                }
            }
        }
        return compared;
    }

    /** A Go interpreted string literal ("..." with \x, octal, \\u, \\U and the one-letter escapes) as bytes. */
    static byte[] unquoteGo(String literal) {
        if (literal.length() < 2 || literal.charAt(0) != '"' || literal.charAt(literal.length() - 1) != '"') {
            throw new IllegalArgumentException("not a Go string literal: " + literal);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = literal.substring(1, literal.length() - 1);
        for (int i = 0; i < s.length();) {
            char c = s.charAt(i);
            if (c != '\\') {
                int cp = s.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
                continue;
            }
            char e = s.charAt(i + 1);
            switch (e) {
                case 'x' -> { out.write(Integer.parseInt(s.substring(i + 2, i + 4), 16)); i += 4; }
                case 'u' -> { out.writeBytes(new String(Character.toChars(Integer.parseInt(s.substring(i + 2, i + 6), 16)))
                        .getBytes(StandardCharsets.UTF_8)); i += 6; }
                case 'U' -> { out.writeBytes(new String(Character.toChars(Integer.parseInt(s.substring(i + 2, i + 10), 16)))
                        .getBytes(StandardCharsets.UTF_8)); i += 10; }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> { out.write(Integer.parseInt(s.substring(i + 1, i + 4), 8)); i += 4; }
                default -> {
                    int v = switch (e) {
                        case 'a' -> 7; case 'b' -> 8; case 'f' -> 12; case 'n' -> 10; case 'r' -> 13; case 't' -> 9; case 'v' -> 11;
                        case '\\' -> '\\'; case '"' -> '"'; case '\'' -> '\'';
                        default -> throw new IllegalArgumentException("escape \\" + e);
                    };
                    out.write(v);
                    i += 2;
                }
            }
        }
        return out.toByteArray();
    }
}
