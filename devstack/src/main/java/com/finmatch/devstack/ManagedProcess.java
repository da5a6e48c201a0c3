package com.finmatch.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the stack, known by the PID written to {@code .finmatch/pids/<name>.pid} (with its start time,
 * so a recycled PID is never mistaken for ours). Stopped by PID: its descendants first, then itself.
 */
public final class ManagedProcess {
    private final String name;
    private final ProcessHandle handle;
    private final Path pidFile;
    private final Path log;
    private Process process;

    private ManagedProcess(String name, ProcessHandle handle, Path pidFile, Path log) {
        this.name = name;
        this.handle = handle;
        this.pidFile = pidFile;
        this.log = log;
    }

    /** Starts {@code command} in its own session (so a Ctrl-C reaches only the launcher), output to {@code log}. */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
                                       Path log, Path pidDir) {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid"); // not a group leader after fork, so setsid execs in place: same PID
        }
        cmd.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidDir);
            Files.writeString(log, "=== " + Instant.now() + " " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            ProcessHandle h = p.toHandle();
            Path pidFile = pidDir.resolve(name + ".pid");
            Files.writeString(pidFile, h.pid() + "\n" + h.info().startInstant().map(Instant::toString).orElse("") + "\n");
            ManagedProcess mp = new ManagedProcess(name, h, pidFile, log);
            mp.process = p;
            return mp;
        } catch (IOException e) {
            throw new StackException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The process recorded in {@code pidDir/<name>.pid}, when it is still alive and is the same process. */
    public static Optional<ManagedProcess> adopt(String name, Path pidDir, Path log) {
        Path pidFile = pidDir.resolve(name + ".pid");
        return readPidFile(pidFile).map(h -> new ManagedProcess(name, h, pidFile, log));
    }

    static Optional<ProcessHandle> readPidFile(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            String started = lines.size() > 1 ? lines.get(1).trim() : "";
            Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (h.isPresent() && !started.isEmpty()) {
                String actual = h.get().info().startInstant().map(Instant::toString).orElse("");
                if (!actual.isEmpty() && !actual.equals(started)) {
                    return Optional.empty(); // PID recycled by another process
                }
            }
            return h;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    public Path log() {
        return log;
    }

    /** The exit code when this process was started by this JVM and has ended; "unknown" otherwise. */
    public String exitCodeOrUnknown() {
        return process != null && !process.isAlive() ? Integer.toString(process.exitValue()) : "unknown";
    }

    /** SIGTERM to the descendants (deepest first) and then the process; SIGKILL whatever outlives {@code grace}. */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
        tree.sort(Comparator.comparingInt(ManagedProcess::depth).reversed());
        tree.add(handle);
        for (ProcessHandle p : tree) {
            p.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // best effort
        }
    }

    /**
     * {@code kill -9} of this process (by its PID; a crash, for fault-injection tests): its descendants get SIGKILL
     * first, then the process itself. Returns when it has exited.
     */
    public void kill() {
        List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
        tree.add(handle);
        for (ProcessHandle p : tree) {
            p.destroyForcibly();
        }
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new StackException("pid " + p.pid() + " (" + name + ") outlived SIGKILL: " + e, e);
            }
        }
    }

    private static int depth(ProcessHandle p) {
        int d = 0;
        for (Optional<ProcessHandle> q = p.parent(); q.isPresent() && d < 64; q = q.get().parent()) {
            d++;
        }
        return d;
    }

    /** The last {@code lines} lines of the log, for error messages. */
    public String tail(int lines) {
        return tail(log, lines);
    }

    public static String tail(Path file, int lines) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long len = f.length();
            long from = Math.max(0, len - 16_384);
            f.seek(from);
            byte[] buf = new byte[(int) (len - from)];
            f.readFully(buf);
            String[] all = new String(buf, StandardCharsets.UTF_8).split("\\R");
            int start = Math.max(0, all.length - lines);
            StringBuilder sb = new StringBuilder();
            for (int i = start; i < all.length; i++) {
                sb.append("      | ").append(all[i]).append(System.lineSeparator());
            }
            return sb.toString();
        } catch (IOException e) {
            return "      (no log at " + file + ")" + System.lineSeparator();
        }
    }
}
