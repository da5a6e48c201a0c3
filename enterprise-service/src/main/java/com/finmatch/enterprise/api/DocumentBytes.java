package com.finmatch.enterprise.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI schema of a document's content: the file's bytes (the class only names the schema). */
@Schema(name = "DocumentContent", type = SchemaType.STRING, format = "binary", maxLength = 10485760,
        description = "The file's bytes, at most 10 MiB")
final class DocumentBytes {

    private DocumentBytes() {
    }
}
