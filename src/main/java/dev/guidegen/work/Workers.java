package dev.guidegen.work;

import dev.guidegen.problem.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The threads a build runs on. Each has a stack of {@link Limits#STACK_BYTES}, because parsing
 * and rendering deeply nested Markdown and templates recurse once per level; the JVM's default
 * stack overflows long before {@link Limits#MAX_MARKDOWN_NESTING} levels.
 */
public final class Workers implements AutoCloseable {

    private static final int RUNS_PER_THREAD = 64;

    private final ExecutorService pool;
    private final int threads;

    public Workers() {
        AtomicInteger n = new AtomicInteger();
        threads = Runtime.getRuntime().availableProcessors();
        pool = Executors.newFixedThreadPool(threads,
                r -> daemon(r, "guidegen-worker-" + n.incrementAndGet()));
    }

    /**
     * {@code f} applied to every item, on all cores, with the results in the items' order. Items go
     * to the threads in runs of several, about 64 runs for each thread: one task per item would
     * wake the waiting thread once per item, thousands of times a build, and fewer, longer runs leave
     * one thread working alone on the last run while the other waits: with 16 runs for each thread,
     * about 0.15 s at the end of the content stage at 10,000 guides.
     */
    public <T, R> List<R> map(List<T> items, Function<T, R> f) {
        int run = Math.max(1, items.size() / (threads * RUNS_PER_THREAD));
        List<Future<List<R>>> futures = new ArrayList<>(items.size() / run + 1);
        for (int from = 0; from < items.size(); from += run) {
            List<T> these = items.subList(from, Math.min(items.size(), from + run));
            futures.add(pool.submit(() -> {
                List<R> made = new ArrayList<>(these.size());
                for (T item : these) {
                    made.add(f.apply(item));
                }
                return made;
            }));
        }
        List<R> out = new ArrayList<>(items.size());
        try {
            for (Future<List<R>> future : futures) {
                out.addAll(await(future));
            }
        } catch (RuntimeException | Error e) {
            // Stop what has not started, and let what runs finish, so that nothing of this map
            // still writes once the caller has seen the failure and cleans up.
            futures.forEach(pending -> pending.cancel(false));
            for (Future<List<R>> future : futures) {
                if (!future.isCancelled()) {
                    try {
                        future.get();
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        break;
                    } catch (ExecutionException | java.util.concurrent.CancellationException ignored) {
                        // the first failure is the one to report
                    }
                }
            }
            throw e;
        }
        return out;
    }

    /**
     * Starts {@code task} on one of the threads, ahead of work given to them later, and gives what
     * waits for its result (and throws what it threw).
     */
    public <R> java.util.function.Supplier<R> start(Callable<R> task) {
        Future<R> future = pool.submit(task);
        return () -> await(future);
    }

    /** Runs {@code task} on a thread of its own with a build-sized stack and waits for it. */
    public static <R> R onBuildStack(Callable<R> task) {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> daemon(r, "guidegen-build"));
        try {
            return await(one.submit(task));
        } finally {
            one.shutdown();
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(null, r, name, Limits.STACK_BYTES);
        t.setDaemon(true);
        return t;
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("build interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
