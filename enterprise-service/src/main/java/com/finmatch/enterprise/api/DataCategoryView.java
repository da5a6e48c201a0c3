package com.finmatch.enterprise.api;

import com.finmatch.platform.contracts.DataCategories;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a consent category lets a bank see: platform's {@link DataCategories.Category}, with its bounds documented. */
@Schema(name = "DataCategoryFields", requiredProperties = {"code", "title", "fields"})
public record DataCategoryView(@Schema(maxLength = 20) String code, @Schema(maxLength = 200) String title,
        @Schema(maxItems = 100, description = "The enterprise fields (JSON names) the category covers")
        List<@Size(max = 100) String> fields) {

    static DataCategoryView of(DataCategories.Category c) {
        return new DataCategoryView(c.code(), c.title(), c.fields());
    }
}
