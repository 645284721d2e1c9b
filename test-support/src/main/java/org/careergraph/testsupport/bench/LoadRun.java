package org.careergraph.testsupport.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * One run of a closed-loop load: its warm-up and measured period, what it counted in that period, and the Netty
 * machinery its clients share (one event-loop thread). {@link HttpLoad}'s connections count through it, and so does
 * any load of another shape (a page's set of calls), so that a figure and its baseline are counted alike.
 */
public final class LoadRun {

    private final long measureFrom;
    private final long measureUntil;
    private final CountDownLatch done;
    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Latencies latencies = new Latencies();

    private LoadRun(long measureFrom, long measureUntil, int clients) {
        this.measureFrom = measureFrom;
        this.measureUntil = measureUntil;
        this.done = new CountDownLatch(clients);
    }

    /**
     * Runs {@code clients} clients until each has said it is done. {@code start} gets the run and a bootstrap (one
     * event-loop thread, TCP_NODELAY, no handler yet): it adds its handler and starts the clients.
     */
    public static HttpLoad.Result drive(int clients, Duration warmUp, Duration measured,
                                        BiConsumer<LoadRun, Bootstrap> start) {
        EventLoopGroup loop = new NioEventLoopGroup(1);
        try {
            long measureFrom = System.nanoTime() + warmUp.toNanos();
            LoadRun run = new LoadRun(measureFrom, measureFrom + measured.toNanos(), clients);
            start.accept(run, new Bootstrap().group(loop).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true));
            long patience = run.measureUntil - System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            if (!run.done.await(Math.max(0, patience), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("The load did not finish: an answer took over 30 s");
            }
            return new HttpLoad.Result(run.counted.get(), run.failures.get(), measured.toNanos() / 1e9,
                    run.latencies);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Whether the measured period is over: a client then stops and says it is done. */
    public boolean over() {
        return System.nanoTime() >= measureUntil;
    }

    /** One piece of work started at {@code startedAt} has just ended: counted if it lies in the measured period. */
    public void ended(long startedAt, boolean success) {
        long now = System.nanoTime();
        if (startedAt >= measureFrom && now < measureUntil) {
            if (success) {
                counted.incrementAndGet();
                latencies.add(now - startedAt);
            } else {
                failures.incrementAndGet();
            }
        }
    }

    /** Something broke now (a connection): a failure if it is in the measured period. */
    public void brokeNow() {
        long now = System.nanoTime();
        if (now >= measureFrom && now < measureUntil) {
            failures.incrementAndGet();
        }
    }

    /** A client has stopped. */
    public void clientDone() {
        done.countDown();
    }
}
