package org.schooltrust.smp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An operating-system process that a test run or the benchmark started (Keycloak, the packaged app), with its output in
 * a log file. It is stopped by its PID, together with any children it spawned (Keycloak's {@code kc.sh} runs a JVM):
 * by {@link #close()}, and by a JVM shutdown hook for every process still alive when the JVM exits (together with any
 * other child process of this JVM and the {@link #onShutdown} tasks), so a failed or interrupted run leaves nothing
 * behind.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Set<ManagedProcess> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Set<Runnable> SHUTDOWN_TASKS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            List.copyOf(RUNNING).forEach(ManagedProcess::close);
                            // helpers still running, e.g. PostgreSQL's initdb when the JVM is stopped mid-start
                            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
                            List.copyOf(SHUTDOWN_TASKS).forEach(Runnable::run);
                        },
                        "managed-process-reaper"));
    }

    /**
     * Runs {@code task} from the same shutdown hook unless the returned handle is closed first; for processes that
     * are not children of this JVM, such as a PostgreSQL postmaster, which {@code pg_ctl} daemonises.
     */
    public static AutoCloseable onShutdown(Runnable task) {
        SHUTDOWN_TASKS.add(task);
        return () -> SHUTDOWN_TASKS.remove(task);
    }

    /** Stops the process whose PID is the first line of {@code pidFile} (SIGTERM, then SIGKILL), if it is alive. */
    public static void stopByPidFile(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(handle -> {
                handle.destroy();
                try {
                    handle.onExit().get(20, TimeUnit.SECONDS);
                } catch (Exception timedOutOrInterrupted) {
                    handle.destroyForcibly();
                }
            });
        } catch (IOException | RuntimeException ignored) {
            // nothing running, or the file vanished while PostgreSQL stopped
        }
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} with exactly the inherited environment minus every variable starting with one of
     * {@code dropPrefixes}, plus {@code env}; stdout and stderr go to {@code log}.
     */
    public static ManagedProcess start(
            String name, List<String> command, Map<String, String> env, List<String> dropPrefixes, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> dropPrefixes.stream().anyMatch(key::startsWith));
            builder.environment().putAll(env);
            ManagedProcess started = new ManagedProcess(name, builder.start(), log);
            RUNNING.add(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + command, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Fails with the log's location if the process has exited. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(
                    name + " (pid " + pid() + ") exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
        }
    }

    /** SIGKILL now, as a crash would: no shutdown hooks, no graceful end of in-flight work. */
    public void kill() {
        RUNNING.remove(this);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not kill " + this, e);
        }
    }

    /** SIGTERM to the process and its descendants by PID; SIGKILL to whatever is left after the grace period. */
    @Override
    public void close() {
        if (!RUNNING.remove(this)) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (ProcessHandle handle : tree) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception timedOutOrInterrupted) {
                handle.destroyForcibly();
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
