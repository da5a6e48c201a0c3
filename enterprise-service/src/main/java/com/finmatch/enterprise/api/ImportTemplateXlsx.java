package com.finmatch.enterprise.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI schema of a list's XLSX template (the class only names the schema). */
@Schema(name = "ImportTemplateXlsx", type = SchemaType.STRING, format = "binary", maxLength = 100000,
        description = "A workbook of one sheet: the header row (frozen) and an example row")
final class ImportTemplateXlsx {

    private ImportTemplateXlsx() {
    }
}
