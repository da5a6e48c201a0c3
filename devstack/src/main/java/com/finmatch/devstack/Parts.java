package com.finmatch.devstack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The parts a stack started or adopted: the current process of each, by {@link ManagedProcess#name()}, and how to
 * stop each, newest first. Process control for fault-injection tests acts only on these, by PID, never by name.
 */
final class Parts {
    private static final Duration GRACE = Duration.ofSeconds(20);

    private record Stopper(String what, Runnable action) {
    }

    private final Deque<Stopper> stoppers = new ArrayDeque<>();
    private final Map<String, ManagedProcess> processes = new ConcurrentHashMap<>();
    private boolean stopped;

    /** Takes a started or adopted process into the stack; stops it at once when the stack was stopped meanwhile. */
    synchronized void own(ManagedProcess p, String what) {
        if (stopped) { // stopped (Ctrl-C) while this part was being started: do not leave it behind
            p.stop(GRACE);
            throw new StackException("stopped while starting " + what);
        }
        processes.put(p.name(), p);
        // stops the part's current process: a restart (relaunch below) replaces it under the same name
        onStop(what + " (pid " + p.pid() + ")", () -> processes.get(p.name()).stop(GRACE));
    }

    /** How to stop a part that is no {@link ManagedProcess} (the embedded PostgreSQL). */
    synchronized void onStop(String what, Runnable action) {
        stoppers.push(new Stopper(what, action));
    }

    /** {@code kill -9} of a part's current process, by its PID; returns when it is gone. */
    void kill(String name, String label) {
        owned(name).kill();
        Console.info(label + ": killed (SIGKILL)");
    }

    /** Stops the part's current process if it still runs and puts the one {@code launch} starts in its place. */
    ManagedProcess relaunch(String name, Supplier<ManagedProcess> launch) {
        ManagedProcess old = owned(name);
        if (old.isAlive()) {
            old.stop(GRACE);
        }
        ManagedProcess p = launch.get();
        processes.put(name, p);
        return p;
    }

    /** Stops every part, newest first; false when they had been stopped already. */
    synchronized boolean stopAll() {
        if (stopped) {
            return false;
        }
        stopped = true;
        if (!stoppers.isEmpty()) {
            Console.info("finmatch: stopping " + stoppers.size() + " part(s) …");
        }
        while (!stoppers.isEmpty()) {
            Stopper s = stoppers.pop();
            try {
                s.action().run();
                Console.info("   stopped " + s.what());
            } catch (RuntimeException e) {
                Console.warn("could not stop " + s.what() + ": " + e.getMessage());
            }
        }
        return true;
    }

    private ManagedProcess owned(String name) {
        ManagedProcess p = processes.get(name);
        if (p == null) {
            throw new StackException(name + " was not started or adopted by this stack: it cannot be faulted here");
        }
        return p;
    }
}
