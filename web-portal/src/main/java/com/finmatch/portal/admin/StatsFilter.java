package com.finmatch.portal.admin;

import com.finmatch.portal.web.Forms;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The dashboard's filters, as the form shows them again and as the query string of the chart data and CSV. */
@io.quarkus.qute.TemplateData
public record StatsFilter(String groupBy, String from, String to, String cluster, String district, String bankId) {
    static final Set<String> GROUP_BY = Set.of("cluster", "district", "bank", "product");

    static StatsFilter of(String groupBy, String from, String to, String cluster, String district, String bankId) {
        return new StatsFilter(groupBy != null && GROUP_BY.contains(groupBy) ? groupBy : "cluster", date(from), date(to),
                Forms.text(cluster), Forms.text(district), Forms.text(bankId));
    }

    private static String date(String s) {
        String t = Forms.text(s);
        return t != null && t.matches("\\d{4}-\\d{2}-\\d{2}") ? t : null;
    }

    public String query() {
        StringBuilder q = new StringBuilder("groupBy=").append(groupBy);
        for (String[] kv : new String[][] {{"from", from}, {"to", to}, {"cluster", cluster},
                {"district", district}, {"bankId", bankId}}) {
            if (kv[1] != null) {
                q.append('&').append(kv[0]).append('=').append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }
}
