package org.careergraph.deploy.local;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The first handler of a client connection, before the HTTP decoder: it sees every byte as it arrives and so can time
 * a request's head from its first byte (a client that sends one byte a second never completes its head) and notice a
 * body that stops coming. It only signals ({@link Timeout} as a user event, answered by {@link GatewayConnection},
 * which knows whether an answer can still be sent); a connection idle between requests it closes itself.
 *
 * <p>The connection tells it where the request stands: {@link #headReceived}, {@link #requestReceived},
 * {@link #answered}. All on the connection's event loop.
 */
final class SlowRequests extends ChannelInboundHandlerAdapter {

    enum Timeout { HEAD_INCOMPLETE, BODY_STALLED }

    private enum Phase {
        /** Waiting for a request's first byte. */
        IDLE,
        /** A request has begun, its header section is not complete. */
        HEAD,
        /** Its body is coming. */
        BODY,
        /** The request is complete and being answered: the service's time, not the client's. */
        ANSWERING
    }

    private final GatewayLimits limits;
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.IDLE;
    private long lastByteNanos;
    /** Bytes of a next request arrived while this one was answered. */
    private boolean nextRequestBegun;
    private ScheduledFuture<?> timer;

    SlowRequests(GatewayLimits limits) {
        this.limits = limits;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        idle();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            lastByteNanos = System.nanoTime();
            switch (phase) {
                case IDLE -> {
                    phase = Phase.HEAD;
                    schedule(limits.headTimeout(), () -> signal(Timeout.HEAD_INCOMPLETE));
                }
                case ANSWERING -> nextRequestBegun = true;
                default -> { }
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    /** The header section is complete; the body follows (the decoder ends even a request without one). */
    void headReceived() {
        cancel();
        phase = Phase.BODY;
        lastByteNanos = System.nanoTime();
        schedule(limits.bodyStallTimeout(), this::checkBodyStalled);
    }

    void requestReceived() {
        cancel();
        phase = Phase.ANSWERING;
        nextRequestBegun = false;
    }

    /** The answer is sent and the connection stays open for a next request. */
    void answered() {
        cancel();
        if (nextRequestBegun) {
            phase = Phase.HEAD;
            schedule(limits.headTimeout(), () -> signal(Timeout.HEAD_INCOMPLETE));
        } else {
            idle();
        }
    }

    private void idle() {
        phase = Phase.IDLE;
        schedule(limits.idleTimeout(), () -> {
            if (phase == Phase.IDLE) {
                ctx.close();
            }
        });
    }

    /**
     * A stall is the client's only while the gateway reads: when it stopped reading (the service takes the body
     * slower than the client sends it), the wait starts again once it reads again.
     */
    private void checkBodyStalled() {
        if (phase != Phase.BODY) {
            return;
        }
        long stallNanos = limits.bodyStallTimeout().toNanos();
        if (!ctx.channel().config().isAutoRead()) {
            lastByteNanos = System.nanoTime();
        }
        long waited = System.nanoTime() - lastByteNanos;
        if (waited >= stallNanos) {
            signal(Timeout.BODY_STALLED);
        } else {
            timer = ctx.executor().schedule(this::checkBodyStalled, stallNanos - waited, TimeUnit.NANOSECONDS);
        }
    }

    private void signal(Timeout timeout) {
        phase = Phase.ANSWERING;
        ctx.fireUserEventTriggered(timeout);
    }

    private void schedule(Duration after, Runnable task) {
        cancel();
        timer = ctx.executor().schedule(task, after.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
