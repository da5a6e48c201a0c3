package com.finmatch.devstack;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code ./finmatch up | down | status}: the local real stack in one command. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        String cmd = args.length == 0 ? "up" : args[0];
        int rc;
        try {
            rc = switch (cmd) {
                case "up" -> up(List.of(args).contains("--no-seed"));
                case "down" -> down();
                case "status" -> status();
                case "seed" -> seed();
                case "reset" -> reset();
                default -> {
                    System.err.println("usage: ./finmatch up [--no-seed] | down | status | seed | reset");
                    yield 2;
                }
            };
        } catch (StackException e) {
            Console.warn(e.getMessage());
            rc = 1;
        }
        System.exit(rc);
    }

    private static int up(boolean noSeed) throws StackException {
        long t0 = System.nanoTime();
        Stack stack = Stack.forRepository();
        Optional<ProcessHandle> other = stack.runningLauncher();
        if (other.isPresent()) {
            Console.info("finmatch is already up (pid " + other.get().pid() + "); ./finmatch down stops it.");
            printAddresses(stack);
            return 0;
        }
        Console.info("finmatch: starting the local stack (state, data and logs in " + stack.stateDir() + ")");
        try {
            stack.start();
        } catch (StackException e) {
            Console.warn(e.getMessage());
            return 1;
        }
        if (!noSeed && !"false".equalsIgnoreCase(System.getenv("FINMATCH_SEED"))) {
            stack.seedIfNeeded();
        }
        printAddresses(stack);
        for (String problem : stack.problems()) {
            Console.warn(problem.lines().findFirst().orElse(problem));
        }
        Console.info("finmatch: ready in " + (System.nanoTime() - t0) / 1_000_000_000L
                + " s — Ctrl-C here or ./finmatch down to stop.");
        try {
            Thread.currentThread().join(); // the shutdown hook (SIGINT/SIGTERM) stops the stack
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int seed() {
        return Stack.forRepository().seed().complete() ? 0 : 1;
    }

    private static int reset() {
        Stack stack = Stack.forRepository();
        if (stack.runningLauncher().isEmpty()) {
            stack.stopLeftovers();
        }
        stack.resetData();
        Console.info("finmatch: local data reset; the next ./finmatch up starts empty and seeds again.");
        return 0;
    }

    private static int down() {
        Stack stack = Stack.forRepository();
        Optional<ProcessHandle> owner = stack.runningLauncher();
        if (owner.isPresent()) {
            ProcessHandle h = owner.get();
            Console.info("finmatch: stopping the stack of pid " + h.pid() + " …");
            h.destroy(); // SIGTERM: its shutdown hook stops the children, by PID, applications first
            try {
                h.onExit().get(Duration.ofSeconds(150).toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                Console.warn("pid " + h.pid() + " did not stop in 150 s; killing it and what it left");
                h.destroyForcibly();
            }
        }
        int leftovers = stack.stopLeftovers();
        Console.info(owner.isEmpty() && leftovers == 0 ? "finmatch: nothing was running." : "finmatch: down.");
        return 0;
    }

    private static int status() {
        Stack stack = Stack.forRepository();
        Optional<ProcessHandle> owner = stack.runningLauncher();
        Console.info("launcher            " + owner.map(h -> "running, pid " + h.pid()).orElse("not running"));
        String pgPort = "";
        try {
            pgPort = Files.readString(stack.stateDir().resolve("postgres/port")).trim();
        } catch (Exception ignored) {
            // never started
        }
        String pgHost = System.getenv("FINMATCH_PG_HOST");
        if (pgHost != null && !pgHost.isBlank()) {
            Console.info("PostgreSQL          external " + pgHost + ":" + Optional.ofNullable(System.getenv("FINMATCH_PG_PORT")).orElse("5432"));
        } else {
            Console.info("PostgreSQL          " + (pgPort.isEmpty() ? "never started"
                    : "127.0.0.1:" + pgPort + " " + (Ports.isOpen(Integer.parseInt(pgPort)) ? "up" : "down")));
        }
        Console.info("Kafka               " + Stack.KAFKA_BOOTSTRAP + " " + (Ports.isOpen(Stack.KAFKA_PORT) ? "up" : "down"));
        Console.info("Keycloak            " + Stack.REALM_URL + " " + (Stack.realmReady() ? "up"
                : Ports.isOpen(Stack.KEYCLOAK_PORT) ? "starting (port open, realm not served yet)" : "down"));
        Console.info("Mail (GreenMail)    SMTP 127.0.0.1:" + Stack.SMTP_PORT + " " + (Ports.isOpen(Stack.SMTP_PORT) ? "up" : "down")
                + ", mail readable on " + Stack.MAIL_API_URL + " " + (Http.answers200(Stack.MAIL_API_URL
                + "/api/service/readiness") ? "up" : "down"));
        for (Stack.App app : Stack.APPS) {
            String s = Stack.appReady(app) ? "ready" : Ports.isOpen(app.port()) ? "not ready" : "down";
            if (!Files.exists(stack.jar(app))) {
                s += " (no jar built)";
            }
            Console.info(String.format("%-19s %s %s", app.module(), app.url(), s));
        }
        return owner.isPresent() ? 0 : 3;
    }

    static void printAddresses(Stack stack) {
        String pg = stack.postgres().map(p -> p.host() + ":" + p.port() + " (user " + p.user()
                + ", databases enterprise, loan, matching, notification)").orElse("see ./finmatch status");
        Console.info("");
        Console.info("  web-portal           " + Stack.WEB_PORTAL.url());
        Console.info("  enterprise-service   " + Stack.ENTERPRISE.url() + "   (Swagger UI: /q/swagger-ui)");
        Console.info("  loan-service         " + Stack.LOAN.url());
        Console.info("  matching-service     " + Stack.MATCHING.url());
        Console.info("  notification-service " + Stack.NOTIFICATION.url());
        Console.info("  Keycloak             " + Stack.REALM_URL + "   (admin console " + Stack.KEYCLOAK_URL + "/admin: admin / admin)");
        Console.info("  Kafka                " + Stack.KAFKA_BOOTSTRAP);
        Console.info("  mail (GreenMail)     SMTP 127.0.0.1:" + Stack.SMTP_PORT + ", IMAP 127.0.0.1:" + Stack.IMAP_PORT
                + " (any user and password); read the mail the stack sent: " + Stack.MAIL_API_URL);
        Console.info("    curl -s " + Stack.MAIL_API_URL + "/api/user                               (who got mail)");
        Console.info("    curl -s " + Stack.MAIL_API_URL + "/api/user/ent1@finmatch.example.com/messages/INBOX   (one mailbox)");
        Console.info("  PostgreSQL           " + pg);
        Console.info("");
        Console.info("  logins (password <user>-pass): ent1…ent35 (enterprise; ent1…ent30 have seeded enterprises),");
        Console.info("    bank1…bank5 (bank: ZQRCB, ICBCZQ, CCBZQ, BOCZQ, ABCZQ), admin1 (admin), fin1 (finance-bureau),"
                + " ind1 (industry-bureau), dist1/dist2 (district 441202/441203), audit1 (auditor)");
        Console.info("  bank API clients (client credentials): bank-zqrcb, bank-icbczq, bank-ccbzq, bank-boczq, bank-abczq,");
        Console.info("    secret <clientId>-secret; scripts: public client finmatch-cli, password grant");
        Console.info("  token: curl -s " + Tokens.TOKEN_URL + " -d grant_type=password -d client_id=finmatch-cli -d username=ent1 -d password=ent1-pass");
        Console.info("  logs: " + stack.stateDir().resolve("logs"));
        Console.info("");
    }
}
