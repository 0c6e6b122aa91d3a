package org.glossa.dictionary.internal;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Produces an import's next batches on a thread of its own while the job writes the current one, so that
 * reading and parsing (Java) overlap with writing (mostly the database's work). At most {@code depth} batches
 * wait. Nothing is written here: a job that stops loses only batches it had not committed, and reads them again
 * when it resumes. A failure of the producer is thrown by {@link #next()} in the job's thread, after the batches
 * read before it, as it would have been thrown without the read-ahead.
 */
final class ReadAhead<T> implements AutoCloseable {

    /** The next item, or null at the end. */
    interface Producer<T> {
        T next() throws IOException;
    }

    private record Failed(Throwable error) {
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread thread;

    ReadAhead(String name, int depth, Producer<T> producer) {
        this.queue = new ArrayBlockingQueue<>(depth);
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(() -> {
            try {
                try {
                    T item;
                    while ((item = producer.next()) != null) {
                        queue.put(item);
                    }
                    queue.put(END);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Throwable e) {
                    queue.put(new Failed(e));
                }
            } catch (InterruptedException e) {
                // closed by the job: nobody reads on
            }
        });
        thread.start();
    }

    /** The next item in order, or null at the end; throws what the producer threw. */
    @SuppressWarnings("unchecked")
    T next() throws IOException {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted; the import resumes where it stopped");
        }
        if (item == END) {
            queue.add(END); // asked again, still the end
            return null;
        }
        if (item instanceof Failed(Throwable error)) {
            queue.add(item);
            switch (error) {
                case IOException e -> throw e;
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IllegalStateException(error);
            }
        }
        return (T) item;
    }

    /** Stops the producer and waits for it, so that the caller may close what it reads from. */
    @Override
    public void close() {
        thread.interrupt();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
