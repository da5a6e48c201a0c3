package com.finmatch.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's mail server: GreenMail standalone ({@code java -jar devstack/target/greenmail/greenmail-standalone-*.jar})
 * with SMTP, IMAP and its REST API on 127.0.0.1, any user name and password accepted, every recipient getting a mailbox
 * on first delivery. Mail is kept in memory: it is gone when the server stops. Started, adopted when a previous run of
 * ours left it running, or reused (never stopped) when another SMTP server already serves the port; for
 * fault-injection tests it can be killed ({@code kill -9}) and restarted on the same ports.
 */
final class Mail {
    static final String NAME = "mail";
    static final String LABEL = "Mail (GreenMail)";

    /** The ports of the mail server: SMTP, IMAP and the REST API (with its browsable API page at {@code /}). */
    record MailPorts(int smtp, int imap, int api) {
        String apiUrl() {
            return "http://127.0.0.1:" + api;
        }
    }

    private final StateDir dirs;
    private final Parts parts;
    private final MailPorts ports;
    private final Path jar;

    Mail(StateDir dirs, Parts parts, MailPorts ports, Path jar) {
        this.dirs = dirs;
        this.parts = parts;
        this.ports = ports;
        this.jar = jar;
    }

    /** The GreenMail standalone jar devstack's build copies into {@code devstack/target/greenmail}. */
    static Path jar(Path root) {
        return root.resolve("devstack/target/greenmail/greenmail-standalone-" + Stack.GREENMAIL_VERSION + ".jar");
    }

    MailPorts ports() {
        return ports;
    }

    /** GreenMail's REST API says it is running. */
    boolean ready() {
        return Ports.isOpen(ports.smtp()) && Http.answers200(ports.apiUrl() + "/api/service/readiness");
    }

    /** Starts the mail server, or adopts ours, or reuses an SMTP server already on the port; waits until it is ready. */
    void start() {
        Optional<ManagedProcess> mine = dirs.adopt(NAME);
        if (Ports.isOpen(ports.smtp())) {
            if (mine.isPresent()) {
                Console.info(LABEL + ": adopting ours still running on SMTP 127.0.0.1:" + ports.smtp() + " (pid "
                        + mine.get().pid() + ")");
                parts.own(mine.get(), LABEL);
                await(mine.get(), "start");
            } else {
                Console.info(LABEL + ": reusing the SMTP server already on 127.0.0.1:" + ports.smtp() + " — "
                        + Ports.describeOwner(ports.smtp()) + " (not started by finmatch; not stopped by it)"
                        + (ready() ? "" : "; its mail cannot be read on " + ports.apiUrl()));
            }
            return;
        }
        ManagedProcess mail;
        if (mine.isPresent()) {
            mail = mine.get();
            Console.info(LABEL + ": ours (pid " + mail.pid() + ") is still starting");
        } else {
            for (int port : List.of(ports.imap(), ports.api())) {
                if (!Ports.isFree(port)) {
                    throw new StackException("port " + port + " (the mail server's " + (port == ports.imap() ? "IMAP"
                            : "REST API") + ") is taken by " + Ports.describeOwner(port) + ". Stop it, then run again.");
                }
            }
            mail = launch();
        }
        parts.own(mail, LABEL);
        await(mail, "start");
    }

    /** {@code kill -9} of the mail server, by its PID; returns when it is gone (its mail is lost with it). */
    void kill() {
        parts.kill(NAME, LABEL);
    }

    /** Stops the mail server if it still runs, starts it again on the same ports, waits until it is ready. */
    void restart() {
        await(parts.relaunch(NAME, this::launch), "come back");
    }

    private void await(ManagedProcess mail, String verb) {
        if (!Console.waitFor(LABEL, Duration.ofSeconds(60), this::ready, () -> !mail.isAlive())) {
            throw new StackException(LABEL + " did not " + verb + "; last lines of " + mail.log() + ":\n" + mail.tail(25));
        }
    }

    private ManagedProcess launch() {
        if (!Files.exists(jar)) {
            throw new StackException("missing " + jar + ": build devstack first (./mvnw -pl devstack install -DskipTests)");
        }
        Console.info(LABEL + " " + Stack.GREENMAIL_VERSION + ": starting SMTP on 127.0.0.1:" + ports.smtp() + ", IMAP on "
                + ports.imap() + ", its REST API on " + ports.apiUrl());
        return dirs.start(NAME, command(), Map.of(), dirs.state());
    }

    /** The GreenMail standalone command line: loopback only, no authentication, the three ports. */
    List<String> command() {
        return List.of(Stack.java(), "-Xms32m", "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + ports.smtp(),
                "-Dgreenmail.imap.hostname=127.0.0.1", "-Dgreenmail.imap.port=" + ports.imap(),
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + ports.api(),
                "-jar", jar.toString());
    }
}
