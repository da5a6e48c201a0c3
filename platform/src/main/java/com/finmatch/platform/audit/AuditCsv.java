package com.finmatch.platform.audit;

import com.finmatch.platform.http.Csv;

/** The audit trail's CSV rows: every field of an entry, its hashes included. */
final class AuditCsv {

    static final String HEADER = "seq,id,at,subject,userName,roles,clientId,remoteAddress,method,route,objects,status,"
            + "prevHash,hash";

    private AuditCsv() {
    }

    static String line(AuditEntry e) {
        return Csv.line(e.seq(), e.id(), e.at(), e.subject(), e.userName(), e.roles(), e.clientId(), e.remoteAddress(),
                e.method(), e.route(), e.objectsJson(), e.status(), e.prevHash(), e.hash());
    }
}
