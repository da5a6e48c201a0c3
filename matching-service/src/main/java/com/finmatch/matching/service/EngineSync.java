package com.finmatch.matching.service;

import com.finmatch.matching.domain.LoanProduct;
import com.finmatch.matching.domain.PolicyTool;
import com.finmatch.matching.domain.TrainingOffer;
import com.finmatch.matching.domain.engine.MatchingEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every replica's engine and live feed in step with changes another replica committed, through PostgreSQL's
 * LISTEN/NOTIFY on the shared database: a NOTIFY is sent inside the transaction that made the change and delivered to
 * every listening replica only when (and if) it commits, in commit order. Each replica's listener re-reads the changed
 * row from the read models and applies it to its own engine (publishing only for the needs it owns):
 * <ul>
 * <li>{@code product}, {@code offer}, {@code tool}: product.events is consumed once, by the {@code matching-service}
 * group, which writes the read models; every replica's engine holds every product, policy tool and training offer;</li>
 * <li>{@code declined}: an application or lead event (keyed by application) is consumed by any replica; the owner of
 * its need re-reads the pair's latest application;</li>
 * <li>{@code feed}: the live feed's events, so the SSE feed of every replica shows every owner's matches;</li>
 * <li>{@code rematch}: an administrator's full re-match started on another replica: this one re-matches its own needs
 * under the same job id; {@code reload}: another replica's replay swapped the read models in: the engine is rebuilt
 * from them before its next use.</li>
 * </ul>
 * The listener is started before the engine is first loaded, so nothing committed after the load is missed; if its
 * connection breaks it connects again and has the engine rebuilt from the tables.
 */
@ApplicationScoped
public class EngineSync {

    private static final Logger LOG = Logger.getLogger(EngineSync.class);
    static final String CHANNEL = "finmatch_matching";
    /** NOTIFY payloads are limited to 8,000 bytes: feed events go in chunks below that. */
    private static final int MAX_PAYLOAD = 7000;

    /** This process: a replica skips the engine changes it made itself (it applied them in their transaction). */
    final String origin = UUID.randomUUID().toString();

    @Inject
    EntityManager em;

    @Inject
    MatchingService matching;

    @Inject
    ReadModelLoader loader;

    @Inject
    MatchFeed feed;

    @Inject
    AdminJobs jobs;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;

    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    // ------------------------------------------------------------------------------------------------ sending

    /** Tells every replica, when the current transaction commits, that this read-model row changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String kind, Object... ids) {
        if (jobs.replaying()) {
            return; // a replay's own records: the reload sent with its swap has every replica rebuild its engine
        }
        StringBuilder s = new StringBuilder(kind).append('|').append(origin);
        for (Object id : ids) {
            s.append('|').append(id);
        }
        send(s.toString());
    }

    /** Hands these live-feed events to every replica's feed when the current transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void feed(List<MatchFeed.MatchEvent> events) {
        List<String> chunk = new ArrayList<>();
        int size = 0;
        for (MatchFeed.MatchEvent event : events) {
            String json = Json.write(event);
            if (size + json.length() > MAX_PAYLOAD && !chunk.isEmpty()) {
                send("feed|" + origin + "|[" + String.join(",", chunk) + "]");
                chunk.clear();
                size = 0;
            }
            chunk.add(json);
            size += json.length() + 1;
        }
        if (!chunk.isEmpty()) {
            send("feed|" + origin + "|[" + String.join(",", chunk) + "]");
        }
    }

    private void send(String payload) {
        em.createNativeQuery("select count(*) from (select pg_notify(?1, ?2)) n").setParameter(1, CHANNEL)
                .setParameter(2, payload).getSingleResult();
    }

    // ------------------------------------------------------------------------------------------------ listening

    /** Starts listening (returns once LISTEN is in place, so the engine may be loaded after it). */
    void listen() {
        if (running) {
            return;
        }
        running = true;
        CountDownLatch listening = new CountDownLatch(1);
        thread = new Thread(() -> loop(listening), "engine-sync");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!listening.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("engine sync could not LISTEN on the database within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        closeQuietly();
    }

    private void loop(CountDownLatch listening) {
        boolean first = true;
        while (running) {
            try {
                Properties settings = new Properties();
                settings.setProperty("user", user);
                settings.setProperty("password", password);
                settings.setProperty("socketTimeout", "30"); // a half-open connection fails its next check
                settings.setProperty("tcpKeepAlive", "true");
                connection = DriverManager.getConnection(url, settings);
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                if (!first) {
                    // changes committed while no one listened are not missed: the engine is rebuilt from the tables
                    matching.invalidate();
                }
                first = false;
                listening.countDown();
                PGConnection pg = connection.unwrap(PGConnection.class);
                long lastCheck = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null && notifications.length > 0) {
                        apply(notifications);
                    }
                    if (System.nanoTime() - lastCheck > TimeUnit.SECONDS.toNanos(10)) {
                        try (Statement s = connection.createStatement()) {
                            s.execute("select 1"); // a connection that died without a word is noticed here
                        }
                        lastCheck = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("engine sync lost its database connection, listening again: %s", e.toString());
                    matching.invalidate();
                    sleep();
                }
            } finally {
                closeQuietly();
            }
        }
    }

    private void apply(PGNotification[] notifications) {
        List<String[]> changes = new ArrayList<>();
        for (PGNotification n : notifications) {
            String[] parts = n.getParameter().split("\\|", 3);
            if (parts.length < 3) {
                continue;
            }
            if (parts[0].equals("feed")) {
                for (MatchFeed.MatchEvent event : Json.read(parts[2], MatchFeed.MatchEvent[].class)) {
                    feed.emit(event);
                }
            } else if (parts[1].equals(origin)) {
                continue;
            } else if (parts[0].equals("rematch")) {
                jobs.rematchShareOf(parts[2]); // another replica's re-match: this one's needs, same job id
            } else if (parts[0].equals("reload")) {
                matching.invalidate(); // another replica's replay swapped the read models in
            } else {
                changes.add(parts);
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        try {
            matching.exclusively(() -> QuarkusTransaction.requiringNew().call(() -> {
                MatchingEngine engine = matching.engineForUpdate();
                TreeSet<String> changed = new TreeSet<>();
                for (String[] c : changes) {
                    changed.addAll(apply(engine, c[0], c[2].split("\\|")));
                }
                matching.publish(changed);
                return null;
            }));
        } catch (RuntimeException e) {
            LOG.warnf("engine sync could not apply %d changes, the engine is rebuilt from the tables: %s",
                    changes.size(), e.toString());
            matching.invalidate();
        }
    }

    /** One change of another replica, re-read from the read models. @return needs whose top list changed */
    private List<String> apply(MatchingEngine engine, String kind, String[] ids) {
        UUID id = UUID.fromString(ids[0]);
        switch (kind) {
            case "product" -> {
                String payload = payload("select payload from product_rm where id = ?1", id);
                return payload == null ? List.of() : engine.upsertProduct(Json.read(payload, LoanProduct.class));
            }
            case "tool" -> {
                String payload = payload("select payload from policy_tool_rm where id = ?1", id);
                return payload == null ? List.of() : engine.upsertPolicyTool(Json.read(payload, PolicyTool.class));
            }
            case "offer" -> {
                String payload = payload("select payload from training_offer_rm where id = ?1", id);
                if (payload != null) {
                    engine.upsertTrainingOffer(Json.read(payload, TrainingOffer.class));
                }
                return List.of();
            }
            case "declined" -> {
                if (!engine.isOpen(ids[0])) {
                    return List.of(); // another replica's need
                }
                UUID product = UUID.fromString(ids[1]);
                return engine.declineProduct(ids[0], ids[1], loader.declined(id, product));
            }
            default -> {
                LOG.debugf("engine sync ignores %s", kind);
                return List.of();
            }
        }
    }

    private String payload(String sql, UUID id) {
        List<?> r = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        return r.isEmpty() ? null : (String) r.get(0);
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debugf("engine sync close: %s", e.toString());
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
