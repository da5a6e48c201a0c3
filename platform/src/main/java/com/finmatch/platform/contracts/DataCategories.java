package com.finmatch.platform.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one definition of what a bank sees of an enterprise per consent category (PROFILE, FINANCIALS, CONTACTS): the
 * contract file {@code contracts/data-categories.json} of this module, read once. Every service that shows enterprise
 * data to a bank filters it here, so the services cannot disagree about a field.
 */
public final class DataCategories {

    public static final String RESOURCE = "contracts/data-categories.json";

    /** One category: its code, a short title and the enterprise fields (JSON names) it covers. */
    public record Category(String code, String title, List<String> fields) {
    }

    private static final DataCategories INSTANCE = load();

    private final Map<String, Category> byCode;
    private final Map<String, String> categoryOfField;

    private DataCategories(List<Category> categories) {
        Map<String, Category> codes = new LinkedHashMap<>();
        Map<String, String> fields = new LinkedHashMap<>();
        for (Category c : categories) {
            if (codes.put(c.code(), c) != null) {
                throw new IllegalStateException(RESOURCE + " names category " + c.code() + " twice");
            }
            for (String f : c.fields()) {
                String before = fields.put(f, c.code());
                if (before != null) {
                    throw new IllegalStateException(RESOURCE + ": field " + f + " is in " + before + " and " + c.code());
                }
            }
        }
        this.byCode = Collections.unmodifiableMap(codes);
        this.categoryOfField = Collections.unmodifiableMap(fields);
    }

    /** The definition from the contract file. */
    public static DataCategories get() {
        return INSTANCE;
    }

    /** The categories in their defined order (PROFILE first). */
    public List<Category> all() {
        return List.copyOf(byCode.values());
    }

    /** The codes in their defined order. */
    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }

    /** The fields of one category; an unknown code is an error of the caller. */
    public List<String> fieldsOf(String category) {
        Category c = byCode.get(category);
        if (c == null) {
            throw new IllegalArgumentException("no data category " + category);
        }
        return c.fields();
    }

    /** The category a field belongs to; empty for a field no bank is ever shown. */
    public Optional<String> categoryOf(String field) {
        return Optional.ofNullable(categoryOfField.get(field));
    }

    /** The categories a consent must cover for a bank to be shown all of {@code fields}; unknown fields are an error. */
    public Set<String> requiredFor(Collection<String> fields) {
        Set<String> needed = new LinkedHashSet<>();
        for (String f : fields) {
            needed.add(categoryOf(f).orElseThrow(() ->
                    new IllegalArgumentException("field " + f + " is in no data category: no bank may see it")));
        }
        return needed;
    }

    /**
     * What a bank holding {@code granted} categories is shown of an enterprise object: a copy keeping only the
     * fields of those categories (everything else, including fields in no category, is left out).
     */
    public ObjectNode visible(ObjectNode full, Collection<String> granted) {
        ObjectNode shown = full.objectNode();
        full.fields().forEachRemaining(e -> {
            String category = categoryOfField.get(e.getKey());
            if (category != null && granted.contains(category)) {
                shown.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return shown;
    }

    /** The categories of which {@code shown} holds at least one field, in their defined order: what a read revealed. */
    public List<String> categoriesIn(JsonNode shown) {
        Set<String> present = new LinkedHashSet<>();
        shown.fieldNames().forEachRemaining(f -> {
            String c = categoryOfField.get(f);
            if (c != null) {
                present.add(c);
            }
        });
        return codes().stream().filter(present::contains).toList();
    }

    private static DataCategories load() {
        try (InputStream in = DataCategories.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the class path");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Category> categories = new java.util.ArrayList<>();
            for (JsonNode c : root.path("categories")) {
                List<String> fields = new java.util.ArrayList<>();
                c.path("fields").forEach(f -> fields.add(f.asText()));
                categories.add(new Category(c.path("code").asText(), c.path("title").asText(), List.copyOf(fields)));
            }
            if (categories.isEmpty()) {
                throw new IllegalStateException(RESOURCE + " defines no category");
            }
            return new DataCategories(categories);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
