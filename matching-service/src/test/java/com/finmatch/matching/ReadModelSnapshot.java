package com.finmatch.matching;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every row of the read models and the published matches, as text: two snapshots are equal when the state is. */
final class ReadModelSnapshot {

    private ReadModelSnapshot() {
    }

    static Map<String, String> of(DataSource dataSource) throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("enterprise_rm", "need_rm", "product_rm", "training_offer_rm", "policy_tool_rm",
                    "consent_rm", "application_rm", "match")) {
                String order = table.equals("match") ? "need_id, product_id" : "id";
                String columns = table.equals("match") ? "need_id, product_id, enterprise_id, bank_id, rank, score" : "*";
                StringBuilder rows = new StringBuilder();
                try (ResultSet rs = s.executeQuery("select " + columns + " from " + table + " order by " + order)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            rows.append(rs.getString(i)).append('|');
                        }
                        rows.append('\n');
                    }
                }
                tables.put(table, rows.toString());
            }
        }
        return tables;
    }
}
