package com.finmatch.enterprise.domain;

import com.finmatch.enterprise.domain.imports.ImportKind;
import com.finmatch.enterprise.domain.imports.ImportOutcome;
import com.finmatch.enterprise.domain.imports.ListRow;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An uploaded list (issue 16 §5): PREVIEWED with its row-by-row report until applied, then APPLIED, once. */
@Entity
@Table(name = "list_import")
public class ListImport extends PanacheEntityBase {

    public enum Status { PREVIEWED, APPLIED }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public ImportKind kind;

    @Column(name = "file_name")
    public String fileName;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    @Column(name = "applied_by")
    public String appliedBy;

    @Column(name = "applied_at")
    public Instant appliedAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "list_import_row", joinColumns = @JoinColumn(name = "import_id"))
    @OrderBy("rowNo")
    public List<Row> rows = new ArrayList<>();

    @Version
    public long version;

    /** A row of the report as stored. */
    @Embeddable
    public static class Row {

        @Column(name = "row_no")
        public int rowNo;

        public String uscc;
        public String name;
        public String value;

        @Enumerated(EnumType.STRING)
        public ImportOutcome outcome;

        public String reason;

        public static Row of(ListRow r) {
            Row row = new Row();
            row.rowNo = r.row();
            row.uscc = r.uscc();
            row.name = r.name();
            row.value = r.value();
            row.outcome = r.outcome();
            row.reason = r.reason();
            return row;
        }

        public ListRow toListRow() {
            return new ListRow(rowNo, uscc, name, value, outcome, reason);
        }
    }
}
