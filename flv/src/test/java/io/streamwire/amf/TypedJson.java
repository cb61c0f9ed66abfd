package io.streamwire.amf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the corpus's typed-JSON values and our decoded values into one comparable shape: maps with
 * a "type" and plain Java values, object members sorted by key (decode tests in the sources compare
 * unordered maps; byte-exact encoding checks the order).
 */
final class TypedJson {
    private static final java.util.Set<String> COMPLEX0 = java.util.Set.of("object", "ecma-array", "strict-array", "typed-object");
    private static final java.util.Set<String> COMPLEX3 = java.util.Set.of("array", "object", "typed-object", "externalizable",
            "date", "xml", "xml-document", "byte-array", "vector-int", "vector-uint", "vector-double", "vector-object", "dictionary");

    private final boolean amf3;
    private final List<Object> table = new ArrayList<>();

    private TypedJson(boolean amf3) {
        this.amf3 = amf3;
    }

    static Object expected(Object json, boolean amf3) {
        return new TypedJson(amf3).norm(json);
    }

    private static Map<String, Object> node(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        return m;
    }

    private static double num(Object o) {
        return ((BigDecimal) o).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private Object norm(Object json) {
        Map<String, Object> e = (Map<String, Object>) json;
        String type = (String) e.get("type");
        if (type.equals("reference")) {
            int index = ((BigDecimal) e.get("index")).intValue();
            Object target = index < table.size() ? table.get(index) : null;
            if (target != null) {
                return target;
            }
            Map<String, Object> ref = node("reference");
            ref.put("index", index);
            return ref;
        }
        int slot = -1;
        if ((amf3 ? COMPLEX3 : COMPLEX0).contains(type)) {
            slot = table.size();
            table.add(null);
        }
        Map<String, Object> n = node(type.equals("long-string") ? "string" : type);
        switch (type) {
            case "null", "undefined" -> { }
            case "boolean", "string", "xml", "xml-document" -> n.put("value", e.get("value"));
            case "number", "double" -> n.put("value", num(e.get("value")));
            case "integer" -> n.put("value", ((BigDecimal) e.get("value")).longValueExact());
            case "date" -> n.put("epochMillis", num(e.get("epochMillis")));
            case "byte-array" -> n.put("hex", e.get("hex"));
            case "object", "typed-object", "ecma-array" -> {
                if (e.containsKey("className")) {
                    n.put("className", e.get("className"));
                }
                if (e.containsKey("dynamic")) {
                    n.put("dynamic", e.get("dynamic"));
                    n.put("sealedCount", ((BigDecimal) e.get("sealedCount")).intValue());
                }
                n.put("members", members((List<Object>) e.get("members")));
            }
            case "strict-array" -> n.put("values", values((List<Object>) e.get("values")));
            case "array" -> {
                n.put("members", members((List<Object>) e.get("members")));
                n.put("values", values((List<Object>) e.get("values")));
            }
            case "externalizable" -> {
                n.put("className", e.get("className"));
                if (e.containsKey("bodyValue")) {
                    n.put("body", norm(e.get("bodyValue")));
                } else {
                    Map<String, Object> body = node("object");
                    body.put("dynamic", true);
                    body.put("sealedCount", 0);
                    body.put("members", members((List<Object>) e.get("bodyFields")));
                    n.put("body", body);
                }
            }
            case "vector-int", "vector-uint", "vector-double" -> {
                n.put("fixed", e.get("fixed"));
                List<Object> vs = new ArrayList<>();
                for (Object v : (List<Object>) e.get("values")) {
                    vs.add(num(v));
                }
                n.put("values", vs);
            }
            case "vector-object" -> {
                n.put("fixed", e.get("fixed"));
                n.put("objectTypeName", e.get("objectTypeName"));
                n.put("values", values((List<Object>) e.get("values")));
            }
            case "dictionary" -> {
                n.put("weakKeys", e.get("weakKeys"));
                List<Object> entries = new ArrayList<>();
                for (Object pair : (List<Object>) e.get("entries")) {
                    List<Object> p = (List<Object>) pair;
                    entries.add(List.of(norm(p.get(0)), norm(p.get(1))));
                }
                n.put("entries", entries);
            }
            default -> throw new IllegalArgumentException("type " + type);
        }
        if (slot >= 0) {
            table.set(slot, n);
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> members(List<Object> pairs) {
        Map<String, Object> m = new TreeMap<>();
        for (Object pair : pairs) {
            List<Object> p = (List<Object>) pair;
            m.put((String) p.get(0), norm(p.get(1)));
        }
        return m;
    }

    private List<Object> values(List<Object> list) {
        List<Object> out = new ArrayList<>();
        for (Object v : list) {
            out.add(norm(v));
        }
        return out;
    }

    /** Our AMF0 value in the same shape. */
    static Object ours(Amf0Value v) {
        if (v instanceof Amf0Null) {
            return node("null");
        } else if (v instanceof Amf0Undefined) {
            return node("undefined");
        } else if (v instanceof Amf0Boolean b) {
            return with(node("boolean"), "value", b.value());
        } else if (v instanceof Amf0Number n) {
            return with(node("number"), "value", n.value());
        } else if (v instanceof Amf0String s) {
            return with(node("string"), "value", s.value());
        } else if (v instanceof Amf0XmlDocument x) {
            return with(node("xml-document"), "value", x.value());
        } else if (v instanceof Amf0Date d) {
            return with(node("date"), "epochMillis", d.epochMillis());
        } else if (v instanceof Amf0Reference r) {
            return with(node("reference"), "index", r.index());
        } else if (v instanceof Amf0StrictArray a) {
            List<Object> vs = new ArrayList<>();
            a.values().forEach(x -> vs.add(ours(x)));
            return with(node("strict-array"), "values", vs);
        } else if (v instanceof Amf0Avmplus a) {
            return with(node("avmplus-object"), "value", ours(a.value()));
        } else if (v instanceof Amf0Unsupported) {
            return node("unsupported");
        }
        Map<String, Object> n = node(v instanceof Amf0Object ? "object" : v instanceof Amf0EcmaArray ? "ecma-array" : "typed-object");
        if (v instanceof Amf0TypedObject t) {
            n.put("className", t.className());
        }
        Map<String, Object> m = new TreeMap<>();
        v.asProperties().forEach((k, x) -> m.put(k, ours(x)));
        n.put("members", m);
        return n;
    }

    /** Our AMF3 value in the same shape. */
    static Object ours(Amf3Value v) {
        if (v instanceof Amf3Null) {
            return node("null");
        } else if (v instanceof Amf3Undefined) {
            return node("undefined");
        } else if (v instanceof Amf3Boolean b) {
            return with(node("boolean"), "value", b.value());
        } else if (v instanceof Amf3Integer i) {
            return with(node("integer"), "value", (long) i.value());
        } else if (v instanceof Amf3Double d) {
            return with(node("double"), "value", d.value());
        } else if (v instanceof Amf3String s) {
            return with(node("string"), "value", s.value());
        } else if (v instanceof Amf3Xml x) {
            return with(node("xml"), "value", x.value());
        } else if (v instanceof Amf3XmlDocument x) {
            return with(node("xml-document"), "value", x.value());
        } else if (v instanceof Amf3Date d) {
            return with(node("date"), "epochMillis", d.epochMillis());
        } else if (v instanceof Amf3ByteArray b) {
            return with(node("byte-array"), "hex", HexFormat.of().formatHex(b.bytes()));
        } else if (v instanceof Amf3Reference r) {
            return with(node("reference"), "index", r.index());
        } else if (v instanceof Amf3Array a) {
            Map<String, Object> n = node("array");
            Map<String, Object> m = new TreeMap<>();
            a.associative().forEach((k, x) -> m.put(k, ours(x)));
            n.put("members", m);
            List<Object> vs = new ArrayList<>();
            a.dense().forEach(x -> vs.add(ours(x)));
            n.put("values", vs);
            return n;
        } else if (v instanceof Amf3Object o) {
            Map<String, Object> n = node(o.traits().className().isEmpty() ? "object" : "typed-object");
            if (!o.traits().className().isEmpty()) {
                n.put("className", o.traits().className());
            }
            n.put("dynamic", o.traits().dynamic());
            n.put("sealedCount", o.traits().sealedMemberNames().size());
            Map<String, Object> m = new TreeMap<>();
            for (int i = 0; i < o.sealedValues().size(); i++) {
                m.put(o.traits().sealedMemberNames().get(i), ours(o.sealedValues().get(i)));
            }
            o.dynamicMembers().forEach((k, x) -> m.put(k, ours(x)));
            n.put("members", m);
            return n;
        } else if (v instanceof Amf3Externalizable x) {
            Map<String, Object> n = node("externalizable");
            n.put("className", x.className());
            n.put("body", ours(x.body()));
            return n;
        } else if (v instanceof Amf3VectorInt x) {
            List<Object> vs = new ArrayList<>();
            for (int i : x.values()) {
                vs.add((double) i);
            }
            return with(with(node("vector-int"), "fixed", x.fixed()), "values", vs);
        } else if (v instanceof Amf3VectorUint x) {
            List<Object> vs = new ArrayList<>();
            for (int i : x.values()) {
                vs.add((double) Integer.toUnsignedLong(i));
            }
            return with(with(node("vector-uint"), "fixed", x.fixed()), "values", vs);
        } else if (v instanceof Amf3VectorDouble x) {
            List<Object> vs = new ArrayList<>();
            for (double d : x.values()) {
                vs.add(d);
            }
            return with(with(node("vector-double"), "fixed", x.fixed()), "values", vs);
        } else if (v instanceof Amf3VectorObject x) {
            List<Object> vs = new ArrayList<>();
            x.values().forEach(i -> vs.add(ours(i)));
            return with(with(with(node("vector-object"), "fixed", x.fixed()), "objectTypeName", x.typeName()), "values", vs);
        }
        Amf3Dictionary d = (Amf3Dictionary) v;
        List<Object> entries = new ArrayList<>();
        d.entries().forEach(e -> entries.add(List.of(ours(e.key()), ours(e.value()))));
        return with(with(node("dictionary"), "weakKeys", d.weakKeys()), "entries", entries);
    }

    private static Map<String, Object> with(Map<String, Object> m, String k, Object v) {
        m.put(k, v);
        return m;
    }
}
