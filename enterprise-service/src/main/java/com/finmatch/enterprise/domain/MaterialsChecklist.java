package com.finmatch.enterprise.domain;

import com.finmatch.platform.contracts.MaterialKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an enterprise has of the materials asked of it: a product's {@code materialsRequired} before applying, or the
 * kinds of a bank's open 补件 request. An item is provided by a document of its kind (an item of kind OTHER by any
 * document of kind OTHER); for a 补件 request only a document uploaded or replaced since the request counts.
 */
public final class MaterialsChecklist {

    /** One item: its kind, the words it was asked for with (a product's free text; null for a bare code). */
    public record Item(MaterialKind kind, String text, boolean provided, int documents) {
    }

    private MaterialsChecklist() {
    }

    /**
     * The checklist of {@code asked} (codes or free text, in order) against {@code uploaded}, counting only documents
     * uploaded at or after {@code since} (null: any).
     */
    public static List<Item> of(List<String> asked, List<Document> uploaded, Instant since) {
        List<Item> items = new ArrayList<>();
        for (String words : asked) {
            MaterialKind kind = MaterialKind.classify(words);
            int count = (int) uploaded.stream().filter(d -> d.kind == kind)
                    .filter(d -> since == null || !d.uploadedAt.isBefore(since)).count();
            String text = MaterialKind.ofCode(words.strip()).isPresent() ? null : words.strip();
            items.add(new Item(kind, text, count > 0, count));
        }
        return items;
    }

    /** The kinds of {@code items} not provided yet. */
    public static List<MaterialKind> missing(List<Item> items) {
        return items.stream().filter(i -> !i.provided()).map(Item::kind).distinct().toList();
    }
}
