package com.finmatch.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a stack keeps its files: {@code .finmatch} under the repository, with the logs, the PID files of the parts,
 * PostgreSQL's and Kafka's data ({@code .finmatch/test-data} for a test's throwaway stack) and {@code finmatch.pid},
 * the launcher (or test JVM) that owns the running stack.
 */
record StateDir(Path root, Path state, Path data, Path logs, Path pids, boolean throwawayData) {

    static StateDir of(Path root, boolean throwawayData) {
        Path state = root.resolve(".finmatch");
        return new StateDir(root, state, throwawayData ? state.resolve("test-data") : state, state.resolve("logs"),
                state.resolve("pids"), throwawayData);
    }

    /** The repository that contains the working directory, or {@code -Dfinmatch.root} or FINMATCH_ROOT. */
    static Path findRoot() {
        String configured = System.getProperty("finmatch.root", System.getenv("FINMATCH_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("devstack/pom.xml")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new StackException("cannot find the finmatch repository above " + Path.of("").toAbsolutePath()
                + " (set -Dfinmatch.root or FINMATCH_ROOT)");
    }

    /** A part's log: {@code .finmatch/logs/<name>.log}. */
    Path log(String name) {
        return logs.resolve(name + ".log");
    }

    /** Our process of that part still running from an earlier run (by its PID file), if any. */
    Optional<ManagedProcess> adopt(String name) {
        return ManagedProcess.adopt(name, pids, log(name));
    }

    /** Starts a part's process, its output in its log and its PID in its PID file. */
    ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir) {
        return ManagedProcess.start(name, command, env, workDir, log(name), pids);
    }

    /** Stops, by PID and in this order, the processes of these parts that a killed launcher left running. */
    int stopLeftovers(List<String> names) {
        int n = 0;
        for (String name : names) {
            Optional<ManagedProcess> p = adopt(name);
            if (p.isPresent()) {
                Console.info("   stopping leftover " + name + " (pid " + p.get().pid() + ")");
                p.get().stop(Duration.ofSeconds(20));
                n++;
            }
        }
        return n;
    }

    void createDirectories() {
        try {
            Files.createDirectories(logs);
            Files.createDirectories(pids);
        } catch (IOException e) {
            throw new StackException("cannot create " + state + ": " + e.getMessage(), e);
        }
    }

    /** Empties the data directory (a throwaway stack's, before it starts). */
    void emptyData() {
        try {
            deleteTree(data);
        } catch (IOException e) {
            throw new StackException("cannot empty " + data + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the local PostgreSQL and Kafka data under .finmatch (the stack must be down). */
    void resetData() {
        if (runningLauncher().isPresent()) {
            throw new StackException("the stack is running (pid " + runningLauncher().get().pid() + "): ./finmatch down first");
        }
        for (String dir : List.of("postgres", "kafka", "test-data")) {
            try {
                deleteTree(state.resolve(dir));
                Console.info("   deleted " + root.relativize(state.resolve(dir)));
            } catch (IOException e) {
                throw new StackException("cannot delete " + state.resolve(dir) + ": " + e.getMessage(), e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- ownership

    private Path ownerFile() {
        return state.resolve("finmatch.pid");
    }

    /** The launcher (or test JVM) that owns the running stack, other than this JVM. */
    Optional<ProcessHandle> runningLauncher() {
        return ManagedProcess.readPidFile(ownerFile()).filter(h -> h.pid() != ProcessHandle.current().pid());
    }

    void claimOwnership() {
        Optional<ProcessHandle> other = runningLauncher();
        if (other.isPresent()) {
            throw new StackException("the stack is already run by pid " + other.get().pid() + " ("
                    + Ports.commandLine(other.get().pid()) + "); stop it with ./finmatch down");
        }
        ProcessHandle me = ProcessHandle.current();
        try {
            Files.writeString(ownerFile(), me.pid() + "\n"
                    + me.info().startInstant().map(Object::toString).orElse("") + "\n");
        } catch (IOException e) {
            throw new StackException("cannot write " + ownerFile() + ": " + e.getMessage(), e);
        }
    }

    void releaseOwnership() {
        Optional<ProcessHandle> owner = ManagedProcess.readPidFile(ownerFile());
        if (owner.isPresent() && owner.get().pid() == ProcessHandle.current().pid()) {
            try {
                Files.deleteIfExists(ownerFile());
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
