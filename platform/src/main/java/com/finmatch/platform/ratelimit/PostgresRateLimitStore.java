package com.finmatch.platform.ratelimit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The shared counter in the service's own PostgreSQL: table {@code rate_limit_window} (UNLOGGED: no WAL, so a claim
 * is one cheap statement; a crash or failover empties it, which at worst gives clients one fresh window). A claim is
 * one upsert, atomic under concurrent replicas: the row lock serialises claims on the same key.
 */
public final class PostgresRateLimitStore implements RateLimitStore {

    // in SET every right-hand side sees the row as it was, so granted and used are computed from the same old "used"
    private static final String CLAIM = """
            insert into rate_limit_window as w (client_key, window_start, used, granted) values (?, ?, ?, ?)
            on conflict (client_key, window_start) do update
               set granted = greatest(0, least(excluded.granted, ? - w.used)),
                   used = w.used + greatest(0, least(excluded.granted, ? - w.used))
            returning granted, used""";

    private final DataSource dataSource;

    public PostgresRateLimitStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Grant claim(String key, Instant windowStart, int wanted, int limit) {
        int first = Math.min(wanted, limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setString(1, key);
            s.setObject(2, OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC));
            s.setInt(3, first);
            s.setInt(4, first);
            s.setInt(5, limit);
            s.setInt(6, limit);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Grant(r.getInt(1), r.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate-limit counter unavailable", e);
        }
    }

    /** Deletes the counters of windows that started before {@code start}; returns how many. */
    public int deleteBefore(Instant start) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from rate_limit_window where window_start < ?")) {
            s.setObject(1, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("rate-limit counter unavailable", e);
        }
    }
}
