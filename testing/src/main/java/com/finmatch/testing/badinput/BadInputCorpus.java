package com.finmatch.testing.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded, deterministic generator of bad requests for one operation: the same seed gives the same corpus. From a
 * valid body (given, or made from the operation's schema) it spoils one field at a time — wrong types, empty, huge,
 * control, bidirectional and emoji text, SQL and HTML injection, negative and overflowing numbers, impossible dates,
 * invalid USCCs and UUIDs, huge lists — and the body as a whole: malformed JSON, deep nesting, numbers of more than
 * 1,000 digits, unknown and forbidden fields, oversized bodies and wrong content types.
 */
public final class BadInputCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON_TYPE = "application/json";
    private static final String DIGITS_1001 = "9".repeat(1001);

    /** Raw JSON values (written as they are, so that they can be what Jackson's tree cannot hold). */
    private static final List<String> RAW_VALUES = List.of("true", "false", "0", "-1", "-0.0", "1.5", "2147483648",
            "-2147483649", "9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "1e-400",
            "1e-100000", "1E+2147483647", "0.000000000000000000000000001", "123456789012345678901234567890.12",
            DIGITS_1001, "-" + DIGITS_1001, "null", "[]", "{}", "[null]", "[1, \"x\", {}]", "{\"a\": {\"b\": [1]}}",
            "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u0001\\u001f\"", "\"\\u007f\"", "\"\\ud800\"",
            "\"\\udfff\\ud800\"", "\"\\t\\n\\r\"");

    /** Text values, written as JSON strings. */
    private static final List<String> TEXT_VALUES = List.of("x", "长".repeat(5000), "x".repeat(100_000),
            "‮evil‬", "مرحبا بالعالم", "שלום", "😀".repeat(50), "👨‍👩‍👧‍👦🏳️‍🌈", "​‌‍﻿",
            "' OR '1'='1", "'; DROP TABLE enterprise; --", "1; select pg_sleep(0); --", "\" OR \"\"=\"",
            "<script>alert(1)</script>", "<img src=x onerror=alert(document.cookie)>", "{{7*7}}${7*7}",
            "%s%s%n%x", "../../../../etc/passwd", "a\r\nSet-Cookie: x=y", "\\", "\\u0000", "NaN", "Infinity",
            "true", "42", "-1", "2027-13-45", "+999999999-12-31", "-999999999-01-01", "0000-00-00",
            "2027-01-01T25:61:00Z", "yesterday", "not-a-uuid", "00000000-0000-0000-0000-000000000000",
            UUID.randomUUID().toString(), "914412037082768412", "91441203708276841Z", "91441203708276841",
            "9144120370827684123", "o1441203708276841x", "000000000000000000", "ＡＢＣ", "İıŞş", "ǅ", " x ");

    private static final List<String> MALFORMED = List.of("{", "}", "{\"a\":", "{\"a\" 1}", "[1, 2", "{'a': 1}",
            "{\"a\": 1,}", "{\"a\": tru}", "nul", "{\"a\": 01}", "{\"a\": .5}", "{\"a\": +1}", "{\"a\": NaN}",
            "{\"a\": Infinity}", "{\"a\": 0x10}", "{\"a\": \"\\x41\"}", "{\"a\": \"unterminated}",
            "{\"a\": 1} trailing", "{} {}", "/* c */ {}", "\uFEFF{}", "{\"a\": \"\u0000\"}", "\u0000",
            "{\"a\":1, \"a\":2}", "<xml/>", "a=1&b=2", "--boundary\r\n\r\n");

    private static final List<String> WRONG_BODIES = List.of("", "null", "[]", "[{}]", "42", "\"text\"", "true",
            "{}");

    private static final List<String> FORBIDDEN_FIELDS = List.of("id", "status", "bankId", "ownerSub", "owner",
            "enterpriseId", "version", "createdAt", "updatedAt", "publishedAt", "__proto__", "constructor",
            "unknownField", "$where", "");

    /** Content types that are not JSON (null: no Content-Type at all). */
    private static final List<String> WRONG_CONTENT_TYPES = java.util.Arrays.asList("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
            "application/json; charset=utf-16", "text/html", null);

    private final long seed;

    public BadInputCorpus(long seed) {
        this.seed = seed;
    }

    /**
     * About {@code count} bad requests for {@code operation} (every family is represented; the rest is drawn at
     * random from the whole catalogue, with this corpus's seed and the operation's key).
     */
    public List<BadRequest> requests(ApiOperation operation, JsonNode validBody, int count) {
        JsonNode valid = validBody != null ? validBody : exampleOf(operation.bodySchema(), 0);
        if (valid == null || valid.isNull() || valid.isMissingNode()) {
            valid = NODES.objectNode();
        }
        Random random = new Random(seed ^ operation.key().hashCode());
        List<BadRequest> all = catalogue(valid);
        List<BadRequest> chosen = new ArrayList<>();
        Map<String, List<BadRequest>> byKind = new LinkedHashMap<>();
        all.forEach(r -> byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r));
        byKind.values().forEach(list -> chosen.add(list.get(random.nextInt(list.size()))));
        List<BadRequest> rest = new ArrayList<>(all);
        rest.removeAll(chosen);
        java.util.Collections.shuffle(rest, random);
        for (BadRequest r : rest) {
            if (chosen.size() >= count) {
                break;
            }
            chosen.add(r);
        }
        while (chosen.size() < count) {
            chosen.add(randomText(valid, random));
        }
        return chosen;
    }

    private List<BadRequest> catalogue(JsonNode valid) {
        List<BadRequest> all = new ArrayList<>();
        for (String body : MALFORMED) {
            all.add(json("malformed JSON", "body", body));
        }
        for (String body : WRONG_BODIES) {
            all.add(json("wrong body", "body", body));
        }
        all.add(json("deep nesting", "body", "[".repeat(1001) + "]".repeat(1001)));
        all.add(json("deep nesting", "body", "{\"a\":".repeat(1001) + "1" + "}".repeat(1001)));
        all.add(json("deep nesting", "body", "[".repeat(100_000)));
        all.add(json("huge number", "body", DIGITS_1001));
        all.add(new BadRequest("oversized body", "body", JSON_TYPE, oversized(valid)));
        for (String type : WRONG_CONTENT_TYPES) {
            all.add(new BadRequest("wrong content type", "body", type, write(valid).getBytes(StandardCharsets.UTF_8)));
        }
        if (valid.isObject()) {
            for (String field : FORBIDDEN_FIELDS) {
                for (String raw : List.of("\"" + UUID.randomUUID() + "\"", "\"APPROVED\"", "999", "{\"x\": [1]}")) {
                    all.add(json("unknown or forbidden field", field.isEmpty() ? "body" : field,
                            withRaw(valid, List.of(field), raw)));
                }
            }
        }
        for (List<Object> path : leaves(valid, new ArrayList<>(), new ArrayList<>())) {
            String field = name(path);
            for (String raw : RAW_VALUES) {
                all.add(json(kindOf(raw), field, withRaw(valid, path, raw)));
            }
            for (String text : TEXT_VALUES) {
                all.add(json("text", field, withRaw(valid, path, quote(text))));
            }
            all.add(json("huge list", field, withRaw(valid, path, "[" + "\"x\",".repeat(10_000) + "\"x\"]")));
            all.add(json("missing field", field, without(valid, path)));
        }
        return all;
    }

    private static String kindOf(String raw) {
        if (raw.startsWith("\"")) {
            return "control or odd text";
        }
        if (raw.equals("null") || raw.startsWith("[") || raw.startsWith("{") || raw.equals("true")
                || raw.equals("false")) {
            return "wrong type";
        }
        return "odd number";
    }

    private static final String MARKUP = "'\"<>;&%$\\-";

    private BadRequest randomText(JsonNode valid, Random random) {
        List<List<Object>> leaves = leaves(valid, new ArrayList<>(), new ArrayList<>());
        List<Object> path = leaves.isEmpty() ? List.of("field" + random.nextInt(100)) : leaves.get(random.nextInt(leaves.size()));
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6) == 0 ? 1000 + random.nextInt(5000) : random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            int cp = switch (pick) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x202A + random.nextInt(5);
                case 2 -> 0x1F600 + random.nextInt(80);
                case 3 -> 0x4E00 + random.nextInt(0x5000);
                case 4 -> MARKUP.codePointAt(random.nextInt(MARKUP.length()));
                default -> 0x20 + random.nextInt(0x5F);
            };
            text.appendCodePoint(cp);
        }
        return json("random text", name(path), withRaw(valid, path, quote(text.toString())));
    }

    // ---- building bodies

    private static BadRequest json(String kind, String field, String body) {
        return new BadRequest(kind, field, JSON_TYPE, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The valid body with the value at {@code path} replaced by the raw JSON text {@code raw}. */
    private static String withRaw(JsonNode valid, List<Object> path, String raw) {
        String marker = "__raw_" + UUID.randomUUID() + "__";
        JsonNode copy = valid.deepCopy();
        set(copy, path, new TextNode(marker));
        return write(copy).replace("\"" + marker + "\"", raw);
    }

    private static String without(JsonNode valid, List<Object> path) {
        JsonNode copy = valid.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.remove((String) last);
        } else if (parent instanceof ArrayNode a) {
            a.remove((Integer) last);
        }
        return write(copy);
    }

    private static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.set((String) last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set((Integer) last, value);
        }
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        return node;
    }

    /** Every field of the body, containers included ({@code rules}, {@code rules[0]}, {@code rules[0].value}). */
    private static List<List<Object>> leaves(JsonNode node, List<Object> path, List<List<Object>> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                List<Object> child = new ArrayList<>(path);
                child.add(f.getKey());
                out.add(child);
                leaves(f.getValue(), child, out);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            List<Object> child = new ArrayList<>(path);
            child.add(0);
            out.add(child);
            leaves(node.get(0), child, out);
        }
        return out;
    }

    static String name(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                name.append('[').append(i).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(step);
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }

    private static byte[] oversized(JsonNode valid) {
        String filler = "x".repeat(11 * 1024 * 1024);
        String body = valid.isObject() ? withRaw(valid, List.of("padding"), "\"" + filler + "\"") : "\"" + filler + "\"";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    // ---- a valid-looking body from the schema, when the test gives none

    static JsonNode exampleOf(JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 6) {
            return null;
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combiner) && schema.get(combiner).size() > 0) {
                return exampleOf(schema.get(combiner).get(0), depth + 1);
            }
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText();
        String format = schema.path("format").asText();
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> {
                    JsonNode v = exampleOf(p.getValue(), depth + 1);
                    if (v != null && !p.getValue().path("readOnly").asBoolean()) {
                        object.set(p.getKey(), v);
                    }
                });
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                JsonNode item = exampleOf(schema.path("items"), depth + 1);
                if (item != null) {
                    array.add(item);
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(schema.has("minimum") ? Math.max(schema.get("minimum").asLong(), 1) : 1);
            }
            case "number" -> {
                return NODES.numberNode(schema.has("minimum") ? Math.max(schema.get("minimum").asDouble(), 1) : 1);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            case "string" -> {
                return switch (format) {
                    case "date" -> NODES.textNode("2027-06-01");
                    case "date-time" -> NODES.textNode("2027-06-01T00:00:00Z");
                    case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                    default -> NODES.textNode("示例");
                };
            }
            default -> {
                return schema.has("properties") ? exampleOf(((ObjectNode) schema.deepCopy()).put("type", "object"), depth)
                        : NODES.textNode("示例");
            }
        }
    }
}
