package com.finmatch.platform.events;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the messaging tests share: CloudEvent headers of a test record and plain queries on the test database. */
final class EventsTestSupport {

    private EventsTestSupport() {
    }

    static Map<String, String> ceHeaders(String id, String subject) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", TestWriter.TYPE, "ce_source", "test",
                "ce_time", "2026-11-25T10:00:00Z", "ce_subject", subject, "content-type", "application/json");
    }

    static long applied(DataSource db, String eventId) {
        return count(db, "select count(*) from applied_event where event_id = '" + eventId + "'");
    }

    static long count(DataSource db, String sql) {
        return ((Number) query(db, sql)).longValue();
    }

    static Object query(DataSource db, String sql) {
        List<Object> column = column(db, sql);
        return column.isEmpty() ? null : column.get(0);
    }

    static List<Object> column(DataSource db, String sql) {
        try (var c = db.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            List<Object> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getObject(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
