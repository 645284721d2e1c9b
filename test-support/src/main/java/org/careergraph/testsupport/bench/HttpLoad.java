package org.careergraph.testsupport.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A closed-loop HTTP/1.1 load generator, the same for a figure and its baseline: {@code connections} kept-alive
 * connections, each sending its next request as soon as the answer to the last one has been read, for a warm-up
 * (not counted) and then a measured period. Built on Netty with one event-loop thread, so that it costs the machine
 * little and the same for every target; a benchmark compares what two targets do under the same load.
 */
public final class HttpLoad {

    /** One request: method, path with its query, body (may be empty), extra headers. */
    public record Request(String method, String path, byte[] body, Map<String, String> headers) {

        public static Request get(String path) {
            return new Request("GET", path, new byte[0], Map.of());
        }

        public static Request get(String path, Map<String, String> headers) {
            return new Request("GET", path, new byte[0], headers);
        }
    }

    /**
     * What one run measured.
     *
     * @param requests  answers counted in the measured period
     * @param failures  answers other than 2xx or 3xx, and broken connections, in the measured period
     * @param seconds   the measured period
     * @param latencies every counted answer's latency
     */
    public record Result(long requests, long failures, double seconds, Latencies latencies) {

        /** Answers a second. */
        public double rate() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format("%.0f req/s (%d in %.1f s, %d failed), p50 %.2f ms, p99 %.2f ms", rate(), requests,
                    seconds, failures, latencies.percentileMillis(50), latencies.percentileMillis(99));
        }
    }

    private HttpLoad() {
    }

    /** GETs of the paths {@code pathFor} gives for the request numbers 0, 1, 2... */
    public static Result get(URI base, LongFunction<String> pathFor, int connections, Duration warmUp,
                             Duration measured) {
        return run(base, n -> Request.get(pathFor.apply(n)), connections, warmUp, measured);
    }

    public static Result run(URI base, LongFunction<Request> requestFor, int connections, Duration warmUp,
                             Duration measured) {
        EventLoopGroup loop = new NioEventLoopGroup(1);
        try {
            long start = System.nanoTime();
            long measureFrom = start + warmUp.toNanos();
            long measureUntil = measureFrom + measured.toNanos();
            Run run = new Run(base, requestFor, measureFrom, measureUntil, connections);
            Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpClientCodec(), new Connection(run));
                        }
                    });
            run.bootstrap = bootstrap;
            for (int i = 0; i < connections; i++) {
                run.connect();
            }
            long patience = measureUntil - System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            if (!run.done.await(Math.max(0, patience), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("The load did not finish: an answer took over 30 s");
            }
            return new Result(run.counted.get(), run.failures.get(), measured.toNanos() / 1e9, run.latencies);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** The state every connection of one run shares. */
    private static final class Run {
        final URI base;
        final LongFunction<Request> requestFor;
        final long measureFrom;
        final long measureUntil;
        final CountDownLatch done;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong counted = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final Latencies latencies = new Latencies();
        volatile Bootstrap bootstrap;

        Run(URI base, LongFunction<Request> requestFor, long measureFrom, long measureUntil, int connections) {
            this.base = base;
            this.requestFor = requestFor;
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
            this.done = new CountDownLatch(connections);
        }

        void connect() {
            bootstrap.connect(base.getHost(), base.getPort()).addListener(future -> {
                if (!future.isSuccess()) {
                    fail(System.nanoTime(), null);
                }
            });
        }

        /** A failed answer or connection: counted if in the measured period; the connection is made again. */
        void fail(long now, Channel broken) {
            if (now >= measureFrom && now < measureUntil) {
                failures.incrementAndGet();
            }
            if (broken != null) {
                broken.close();
            }
            if (System.nanoTime() < measureUntil) {
                connect();
            } else {
                done.countDown();
            }
        }
    }

    /** One connection: a request out, its answer in, the next request out. */
    private static final class Connection extends SimpleChannelInboundHandler<HttpObject> {
        private final Run run;
        private long sentAt;
        private int status;
        private boolean finished;

        Connection(Run run) {
            this.run = run;
        }

        @Override
        public void channelActive(ChannelHandlerContext context) {
            send(context);
        }

        private void send(ChannelHandlerContext context) {
            Request request = run.requestFor.apply(run.sent.getAndIncrement());
            FullHttpRequest out = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(request.method()),
                    request.path(), Unpooled.wrappedBuffer(request.body()));
            out.headers().set(HttpHeaderNames.HOST, run.base.getHost() + ":" + run.base.getPort())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, request.body().length);
            request.headers().forEach(out.headers()::set);
            sentAt = System.nanoTime();
            context.writeAndFlush(out);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
            if (message instanceof HttpResponse response) {
                status = response.status().code();
            }
            if (message instanceof LastHttpContent) {
                long now = System.nanoTime();
                if (sentAt >= run.measureFrom && now < run.measureUntil) {
                    if (status >= 200 && status < 400) {
                        run.counted.incrementAndGet();
                        run.latencies.add(now - sentAt);
                    } else {
                        run.failures.incrementAndGet();
                    }
                }
                if (now < run.measureUntil) {
                    send(context);
                } else {
                    finish(context);
                }
            }
        }

        private void finish(ChannelHandlerContext context) {
            if (!finished) {
                finished = true;
                context.close();
                run.done.countDown();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            if (!finished) {
                finished = true;
                run.fail(System.nanoTime(), null);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            if (!finished) {
                finished = true;
                run.fail(System.nanoTime(), context.channel());
            }
        }
    }
}
