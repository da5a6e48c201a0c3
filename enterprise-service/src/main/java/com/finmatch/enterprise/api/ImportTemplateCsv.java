package com.finmatch.enterprise.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI schema of a list's CSV template (the class only names the schema). */
@Schema(name = "ImportTemplateCsv", type = SchemaType.STRING, maxLength = 1000,
        description = "UTF-8 with a byte-order mark: the header row and an example row")
final class ImportTemplateCsv {

    private ImportTemplateCsv() {
    }
}
