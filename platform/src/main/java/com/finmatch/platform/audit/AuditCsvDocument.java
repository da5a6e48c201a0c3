package com.finmatch.platform.audit;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI schema of the audit trail's CSV export (a component, so that the answer is typed by reference). */
@Schema(name = "AuditCsv", type = SchemaType.STRING, maxLength = Integer.MAX_VALUE,
        description = "RFC 4180 CSV (UTF-8, CRLF), streamed; columns: " + AuditCsv.HEADER)
final class AuditCsvDocument {

    private AuditCsvDocument() {
    }
}
