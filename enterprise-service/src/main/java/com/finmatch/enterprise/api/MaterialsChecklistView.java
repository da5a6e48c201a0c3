package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.MaterialsChecklist;
import com.finmatch.platform.contracts.MaterialKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The materials asked of an enterprise against its uploaded documents: a product's materialsRequired (before
 * applying) or the bank's open 补件 request on an application (with its message).
 */
@Schema(requiredProperties = {"enterpriseId", "productId", "applicationId", "requestedAt", "message", "complete",
        "items"})
public record MaterialsChecklistView(UUID enterpriseId, UUID productId,
        @Schema(nullable = true, description = "The application whose 补件 request this is; null for a product's list")
        UUID applicationId,
        @Schema(nullable = true, description = "When the bank asked (补件 only)") Instant requestedAt,
        @Schema(nullable = true, maxLength = 2000, description = "The bank's message (补件 only)") String message,
        @Schema(description = "Every item is provided") boolean complete,
        @Schema(maxItems = 30) List<Item> items) {

    /** One item: its kind with both labels, the product's own words for it, and whether a document provides it. */
    @Schema(name = "MaterialsChecklistItem", requiredProperties = {"kind", "labelZh", "labelEn", "text", "provided",
            "documents"})
    public record Item(MaterialKind kind,
            @Schema(maxLength = 40) String labelZh,
            @Schema(maxLength = 80) String labelEn,
            @Schema(nullable = true, maxLength = 200, description = "The product's own words for the item (free "
                    + "text written before the kinds existed); null when it names the kind by its code") String text,
            @Schema(description = "A document of this kind is uploaded (for 补件: since the request)") boolean provided,
            @Schema(minimum = "0", maximum = "10000", description = "How many such documents") int documents) {

        static Item of(MaterialsChecklist.Item i) {
            return new Item(i.kind(), i.kind().zh, i.kind().en, i.text(), i.provided(), i.documents());
        }
    }

    public static MaterialsChecklistView of(UUID enterpriseId, UUID productId, UUID applicationId, Instant requestedAt,
            String message, List<MaterialsChecklist.Item> items) {
        return new MaterialsChecklistView(enterpriseId, productId, applicationId, requestedAt, message,
                MaterialsChecklist.missing(items).isEmpty(), items.stream().map(Item::of).toList());
    }
}
