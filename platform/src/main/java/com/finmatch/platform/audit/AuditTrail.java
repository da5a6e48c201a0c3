package com.finmatch.platform.audit;

import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The service's audit trail in its database (tables {@code audit_entry} and {@code audit_chain_head}, created by each
 * service's migration): appends entries to one hash chain, searches and verifies it. Appending takes the chain head's
 * row lock ({@code select … for update}) and moves the head in the same transaction as the insert, so concurrent
 * appends — from any replica — form one chain without gaps. The table refuses updates and deletes (a trigger).
 */
@ApplicationScoped
public class AuditTrail {

    static final int BATCH = 500;
    private static final String COLUMNS = "seq, id, at, subject, user_name, roles, client_id, remote_address, method,"
            + " route, objects::text, status, prev_hash, hash";

    @Inject
    DataSource dataSource;

    /** Appends the draft as the chain's next entry, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditEntry append(AuditEntry.Draft draft) {
        AuditEntry.Draft micros = new AuditEntry.Draft(draft.id(), draft.at().truncatedTo(ChronoUnit.MICROS),
                draft.subject(), draft.userName(), draft.roles(), draft.clientId(), draft.remoteAddress(),
                draft.method(), draft.route(), draft.objects(), draft.status());
        try (Connection c = dataSource.getConnection()) {
            long seq;
            String prev;
            try (PreparedStatement head = c.prepareStatement(
                    "select last_seq, last_hash from audit_chain_head where id = 1 for update");
                 ResultSet rs = head.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("audit_chain_head has no row: is the audit migration applied?");
                }
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
            AuditEntry entry = AuditEntry.chain(micros, seq, prev);
            try (PreparedStatement insert = c.prepareStatement("insert into audit_entry (" + COLUMNS.replace(
                    "::text", "") + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)")) {
                insert.setLong(1, entry.seq());
                insert.setObject(2, entry.id());
                insert.setObject(3, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
                insert.setString(4, entry.subject());
                insert.setString(5, entry.userName());
                insert.setString(6, entry.roles());
                insert.setString(7, entry.clientId());
                insert.setString(8, entry.remoteAddress());
                insert.setString(9, entry.method());
                insert.setString(10, entry.route());
                insert.setString(11, entry.objectsJson());
                insert.setInt(12, entry.status());
                insert.setString(13, entry.prevHash());
                insert.setString(14, entry.hash());
                insert.executeUpdate();
            }
            try (PreparedStatement move = c.prepareStatement(
                    "update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")) {
                move.setLong(1, entry.seq());
                move.setString(2, entry.hash());
                move.executeUpdate();
            }
            return entry;
        } catch (SQLException e) {
            throw new IllegalStateException("could not append to the audit trail", e);
        }
    }

    /** The entries the query matches, newest first, a page at a time. */
    public PageResponse<AuditEntry> search(AuditQuery query, PageRequest page) {
        Where where = Where.of(query);
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = where.prepare(c, "select count(*) from audit_entry" + where.sql)) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditEntry> items = new ArrayList<>();
            try (PreparedStatement select = where.prepare(c, "select " + COLUMNS + " from audit_entry" + where.sql
                    + " order by seq desc limit " + page.size + " offset " + (long) page.page * page.size);
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(entry(rs));
                }
            }
            return new PageResponse<>(items, page.page, page.size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("could not search the audit trail", e);
        }
    }

    /** Every entry the query matches, oldest first, read a batch at a time. */
    public void forEach(AuditQuery query, Consumer<AuditEntry> each) {
        Where where = Where.of(query);
        String and = where.sql.isEmpty() ? " where " : where.sql + " and ";
        long after = 0;
        try (Connection c = dataSource.getConnection()) {
            while (true) {
                int read = 0;
                try (PreparedStatement select = where.prepare(c, "select " + COLUMNS + " from audit_entry" + and
                        + "seq > " + after + " order by seq limit " + BATCH);
                     ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        AuditEntry entry = entry(rs);
                        each.accept(entry);
                        after = entry.seq();
                        read++;
                    }
                }
                if (read < BATCH) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
    }

    /**
     * Checks the chain from its first entry up to its head as it is now (entries appended meanwhile are left for the
     * next check): every entry's hash recomputed, every link and sequence number followed.
     */
    public ChainCheck.Report verify() {
        ChainCheck check = new ChainCheck();
        try (Connection c = dataSource.getConnection()) {
            long headSeq;
            String headHash;
            try (PreparedStatement head = c.prepareStatement(
                    "select last_seq, last_hash from audit_chain_head where id = 1");
                 ResultSet rs = head.executeQuery()) {
                rs.next();
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
            long after = 0;
            boolean going = true;
            while (going && after < headSeq) {
                int read = 0;
                try (PreparedStatement select = c.prepareStatement("select " + COLUMNS + " from audit_entry"
                        + " where seq > ? and seq <= ? order by seq limit " + BATCH)) {
                    select.setLong(1, after);
                    select.setLong(2, headSeq);
                    try (ResultSet rs = select.executeQuery()) {
                        while (going && rs.next()) {
                            AuditEntry entry = entry(rs);
                            going = check.accept(entry);
                            after = entry.seq();
                            read++;
                        }
                    }
                }
                if (read < BATCH) {
                    break;
                }
            }
            return check.finish(headSeq, headHash);
        } catch (SQLException e) {
            throw new IllegalStateException("could not verify the audit trail", e);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getObject(2, UUID.class),
                rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                AuditEntry.objectsOf(rs.getString(11)), rs.getInt(12), rs.getString(13), rs.getString(14));
    }

    /** The search's conditions and their parameters. */
    private record Where(String sql, List<Object> parameters) {

        static Where of(AuditQuery q) {
            List<String> conditions = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            if (AuditQuery.present(q.actor)) {
                conditions.add("(subject = ? or user_name = ?)");
                parameters.add(q.actor.trim());
                parameters.add(q.actor.trim());
            }
            if (AuditQuery.present(q.action)) {
                conditions.add("position(lower(?) in lower(method || ' ' || route)) > 0");
                parameters.add(q.action.trim());
            }
            if (AuditQuery.present(q.object)) {
                conditions.add("exists (select 1 from jsonb_each_text(objects) o where o.value = ?)");
                parameters.add(q.object.trim());
            }
            Instant from = q.fromInstant();
            if (from != null) {
                conditions.add("at >= ?");
                parameters.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            }
            Instant to = q.toInstant();
            if (to != null) {
                conditions.add("at < ?");
                parameters.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            }
            return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
        }

        PreparedStatement prepare(Connection c, String statement) throws SQLException {
            PreparedStatement ps = c.prepareStatement(statement);
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            return ps;
        }
    }
}
