package com.finmatch.testing;

import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Apache Kafka broker (KRaft, one combined node) in a child JVM, one per test JVM. It runs the broker
 * classes of the test class path, so it is the same Kafka version the services use. Tests may stop and start it
 * again (same port, same data) to prove what happens while the broker is down.
 */
public final class TestKafka {

    private static TestKafka instance;

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private TestKafka() throws IOException {
        dir = Files.createTempDirectory("finmatch-kafka");
        int[] ports = freePorts(2);
        port = ports[0];
        controllerPort = ports[1];
        Files.writeString(dir.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "min.insync.replicas=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                ""));
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.file.ref=file",
                "appender.file.type=File",
                "appender.file.name=file",
                "appender.file.fileName=" + dir.resolve("broker.log"),
                "appender.file.layout.type=PatternLayout",
                "appender.file.layout.pattern=%d %p %c %m%n",
                ""));
        run("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                dir.resolve("server.properties").toString());
    }

    /** The broker of this JVM, started on first use. */
    public static synchronized TestKafka get() {
        try {
            if (instance == null) {
                instance = new TestKafka();
                instance.start();
                Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
            }
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the test Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = java("kafka.Kafka", dir.resolve("server.properties").toString())
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String log = "see " + dir.resolve("broker.log");
        Awaitility.await("the test Kafka broker listening on " + port + " (" + log + ")")
                .atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100))
                .failFast("the test Kafka broker exited; " + log, () -> !process.isAlive())
                .until(() -> listening(port));
    }

    /** Stops the broker (kill -TERM, then waits); its data stays for a later {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void run(String mainClass, String... args) throws IOException {
        Process p = java(mainClass, args).redirectOutput(dir.resolve("format.log").toFile()).redirectErrorStream(true)
                .start();
        try {
            if (p.waitFor() != 0) {
                throw new IOException(mainClass + " failed: " + Files.readString(dir.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private ProcessBuilder java(String mainClass, String... args) {
        String javaBin = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new java.util.ArrayList<>(List.of(javaBin, "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Two ports asked for one after the other can be the same one; these are held open until all are chosen. */
    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] held = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                held[i] = new ServerSocket(0);
                ports[i] = held[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }
}
