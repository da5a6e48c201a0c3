package com.finmatch.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Port checks and "who holds this port" (from /proc, so it sees every process when run as root). */
public final class Ports {
    private Ports() {
    }

    /** Something accepts TCP connections on 127.0.0.1:port. */
    public static boolean isOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Nothing listens on the port, on any address. */
    public static boolean isFree(int port) {
        if (isOpen(port)) {
            return false;
        }
        try (ServerSocket ss = new ServerSocket()) {
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() {
        return freePorts(1)[0];
    }

    /**
     * Ports free on 127.0.0.1 at the moment of asking and distinct from each other: each is held open until all are
     * chosen, so two asked for together are never the same one (two {@link #freePort()} calls in a row can be).
     */
    public static int[] freePorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(ss);
                ports[i] = ss.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        } finally {
            held.forEach(Ports::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket ss) {
        try {
            ss.close();
        } catch (IOException ignored) {
            // it was only held to keep its port from being chosen twice
        }
    }

    /** "pid 1234 (java -jar …)" for the process listening on the port, when it can be seen. */
    public static String describeOwner(int port) {
        Optional<Long> pid = listenerPid(port);
        if (pid.isEmpty()) {
            return "a process this user cannot see (try: ss -ltnp 'sport = :" + port + "')";
        }
        return "pid " + pid.get() + " (" + commandLine(pid.get()) + ")";
    }

    public static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            String cmd = new String(raw).replace('\0', ' ').trim();
            return cmd.length() > 160 ? cmd.substring(0, 157) + "…" : cmd;
        } catch (IOException e) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElse("?");
        }
    }

    static Optional<Long> listenerPid(int port) {
        String inode = null;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 10 || !f[1].contains(":") || !"0A".equals(f[3])) {
                        continue; // header or not LISTEN
                    }
                    int p = Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16);
                    if (p == port) {
                        inode = f[9];
                        break;
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // not Linux or not readable
            }
            if (inode != null) {
                break;
            }
        }
        if (inode == null) {
            return Optional.empty();
        }
        String target = "socket:[" + inode + "]";
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (target.equals(Files.readSymbolicLink(fd).toString())) {
                                return Optional.of(Long.parseLong(proc.getFileName().toString()));
                            }
                        } catch (IOException ignored) {
                            // fd closed meanwhile
                        }
                    }
                } catch (IOException | SecurityException ignored) {
                    // another user's process
                }
            }
        } catch (IOException ignored) {
            // no /proc
        }
        return Optional.empty();
    }
}
