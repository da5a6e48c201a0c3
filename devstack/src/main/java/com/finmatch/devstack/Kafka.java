package com.finmatch.devstack;

import static com.finmatch.devstack.Stack.KAFKA_BOOTSTRAP;
import static com.finmatch.devstack.Stack.KAFKA_CONTROLLER_PORT;
import static com.finmatch.devstack.Stack.KAFKA_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's Kafka: one KRaft node (broker and controller) in a child JVM on {@code devstack/target/kafka.classpath},
 * its log directory formatted on first use — started, adopted when a previous run of ours left it running, or reused
 * (never stopped) when another broker already serves the port. For fault-injection tests it can be killed
 * ({@code kill -9}) and restarted on the same port and log directory.
 */
final class Kafka {
    private final StateDir dirs;
    private final Parts parts;

    Kafka(StateDir dirs, Parts parts) {
        this.dirs = dirs;
        this.parts = parts;
    }

    /** Starts the broker, or adopts ours, or reuses one that already serves the port; waits until it listens. */
    void start() {
        Optional<ManagedProcess> mine = dirs.adopt("kafka");
        if (Ports.isOpen(KAFKA_PORT)) {
            if (mine.isPresent()) {
                Console.info("Kafka: adopting our broker still running on " + KAFKA_BOOTSTRAP + " (pid " + mine.get().pid() + ")");
                parts.own(mine.get(), "Kafka");
            } else {
                Console.info("Kafka: reusing the broker already on " + KAFKA_BOOTSTRAP + " — "
                        + Ports.describeOwner(KAFKA_PORT) + " (not started by finmatch; not stopped by it)");
            }
            return;
        }
        ManagedProcess kafka;
        if (mine.isPresent()) {
            kafka = mine.get();
            Console.info("Kafka: our broker (pid " + kafka.pid() + ") is still starting");
        } else {
            requireFree(KAFKA_CONTROLLER_PORT, "the Kafka controller");
            kafka = launch();
        }
        parts.own(kafka, "Kafka");
        await(kafka, "start");
    }

    /** {@code kill -9} of the broker, by its PID; returns when it is gone. */
    void kill() {
        parts.kill("kafka", "Kafka");
    }

    /** Stops the broker if it still runs, starts it again on the same port and log directory, waits for its port. */
    void restart() {
        await(parts.relaunch("kafka", this::launch), "come back");
    }

    private static void await(ManagedProcess kafka, String verb) {
        if (!Console.waitFor("Kafka", Duration.ofSeconds(90), () -> Ports.isOpen(KAFKA_PORT), () -> !kafka.isAlive())) {
            throw new StackException("Kafka did not " + verb + "; last lines of " + kafka.log() + ":\n" + kafka.tail(25));
        }
    }

    private ManagedProcess launch() {
        Path log = dirs.log("kafka");
        Path classpathFile = dirs.root().resolve("devstack/target/kafka.classpath");
        if (!Files.exists(classpathFile)) {
            throw new StackException("missing " + classpathFile + ": build devstack first (./mvnw -pl devstack install -DskipTests)");
        }
        Path dir = dirs.data().resolve("kafka");
        Path kafkaData = dir.resolve("data");
        Path props = dir.resolve("server.properties");
        Path log4j = dir.resolve("log4j2.properties");
        try {
            Files.createDirectories(kafkaData);
            String cp = Files.readString(classpathFile).trim();
            Files.writeString(props, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + KAFKA_CONTROLLER_PORT,
                    "listeners=PLAINTEXT://127.0.0.1:" + KAFKA_PORT + ",CONTROLLER://127.0.0.1:" + KAFKA_CONTROLLER_PORT,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + KAFKA_PORT,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + kafkaData,
                    "num.partitions=3",
                    "default.replication.factor=1",
                    "min.insync.replicas=1",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=10",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true",
                    "") );
            Files.writeString(log4j, String.join("\n",
                    "status = warn",
                    "appender.console.type = Console",
                    "appender.console.name = STDOUT",
                    "appender.console.layout.type = PatternLayout",
                    "appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                    "rootLogger.level = WARN",
                    "rootLogger.appenderRef.stdout.ref = STDOUT",
                    "logger.started.name = kafka.server.KafkaRaftServer",
                    "logger.started.level = INFO",
                    ""));
            List<String> jvm = new ArrayList<>(List.of(Stack.java(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dlog4j2.configurationFile=" + log4j, "-cp", cp));
            if (!Files.exists(kafkaData.resolve("meta.properties"))) {
                Console.info("Kafka: formatting the KRaft log directory " + dirs.root().relativize(kafkaData));
                List<String> format = new ArrayList<>(jvm);
                format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", props.toString()));
                Process p = new ProcessBuilder(format).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
                if (p.waitFor() != 0) {
                    throw new StackException("Kafka storage format failed; see " + log + ":\n" + ManagedProcess.tail(log, 15));
                }
            }
            Console.info("Kafka 4.1.2: starting a KRaft broker+controller on " + KAFKA_BOOTSTRAP);
            List<String> server = new ArrayList<>(jvm);
            server.addAll(List.of("kafka.Kafka", props.toString()));
            return dirs.start("kafka", server, Map.of(), dirs.root());
        } catch (IOException e) {
            throw new StackException("cannot prepare Kafka in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, not starting with '-'. */
    static String clusterId() {
        SecureRandom rnd = new SecureRandom();
        while (true) {
            byte[] b = new byte[16];
            rnd.nextBytes(b);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private static void requireFree(int port, String what) {
        if (!Ports.isFree(port)) {
            throw new StackException("port " + port + " (" + what + ") is taken by " + Ports.describeOwner(port)
                    + ". Stop it, then run again.");
        }
    }
}
