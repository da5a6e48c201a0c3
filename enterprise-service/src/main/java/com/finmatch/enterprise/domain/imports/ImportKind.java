package com.finmatch.enterprise.domain.imports;

import java.util.List;

/**
 * The lists an administrator imports (issue 16 §5), each with its columns (the header row of the file, in this
 * order) and an example row for the template.
 */
public enum ImportKind {
    /** 专精特新 and other recognitions: one row per enterprise and tag; the tag is added to the enterprise's tags. */
    SRDI(List.of("uscc", "name", "tag"), List.of("91441203MA4UJ6XW0T", "肇庆市鼎能汽车零部件有限公司", "SRDI_PROVINCIAL")),
    /** Cluster membership ("4+4" clusters): one row per enterprise; sets the enterprise's cluster. */
    CLUSTER(List.of("uscc", "name", "clusterCode"), List.of("91441203MA4UJ6XW0T", "肇庆市鼎能汽车零部件有限公司",
            "NEV_AUTO"));

    public final List<String> columns;
    public final List<String> example;

    ImportKind(List<String> columns, List<String> example) {
        this.columns = columns;
        this.example = example;
    }

    /** The column holding what the list says of an enterprise (the tag or the cluster code). */
    public String valueColumn() {
        return columns.get(2);
    }
}
