package com.finmatch.testing.badinput;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A digest of every table of a service's database (schema {@code public}), to show that a rejected request changed
 * nothing. The outbox is compared by its number of rows (the relay marks rows sent after the commit of an accepted
 * request); the tables in {@code ignored} (those only consumers write, such as the inbox) are left out, and so are
 * flyway's history, the rate limiter's request counters (every request, refused or not, is counted) and the audit
 * trail (an administrator's or bank's refused attempt is recorded too).
 */
public final class DatabaseSnapshot {

    private final DataSource dataSource;
    private final String query;

    private DatabaseSnapshot(DataSource dataSource, String query) {
        this.dataSource = dataSource;
        this.query = query;
    }

    /** Tables that record requests or migrations, not data a request could change. */
    private static final Set<String> BOOKKEEPING = Set.of("flyway_schema_history", "rate_limit_window",
            "audit_entry", "audit_chain_head");

    /** A snapshotter of every table but the bookkeeping ones and {@code ignored}. */
    public static DatabaseSnapshot of(DataSource dataSource, Set<String> ignored) {
        List<String> parts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet tables = s.executeQuery("select table_name from information_schema.tables"
                     + " where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
            while (tables.next()) {
                String table = tables.getString(1);
                if (BOOKKEEPING.contains(table) || ignored.contains(table)) {
                    continue;
                }
                parts.add(table.equals("outbox_event")
                        ? "select '" + table + "', count(*)::text from " + table
                        : "select '" + table + "', count(*) || ':' || coalesce(md5(string_agg(md5(t::text), ''"
                                + " order by md5(t::text))), '') from " + table + " t");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DatabaseSnapshot(dataSource, String.join(" union all ", parts));
    }

    /** Each table's digest now. */
    public Map<String, String> take() {
        Map<String, String> digests = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(query)) {
            while (rows.next()) {
                digests.put(rows.getString(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return digests;
    }

    /** The digest once it no longer changes (what an accepted request set off — relay, jobs — has settled). */
    public Map<String, String> settled() {
        Map<String, String> last = take();
        for (int i = 0; i < 50; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
            Map<String, String> now = take();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** The tables whose digest differs. */
    public static List<String> changed(Map<String, String> before, Map<String, String> after) {
        Map<String, String> all = new LinkedHashMap<>(before);
        after.forEach(all::putIfAbsent);
        return all.keySet().stream().filter(t -> !java.util.Objects.equals(before.get(t), after.get(t))).toList();
    }
}
