package org.careergraph.testsupport.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
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
        return LoadRun.drive(connections, warmUp, measured, (run, bootstrap) -> {
            Target target = new Target(run, base, requestFor, bootstrap);
            bootstrap.handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new HttpClientCodec(), new Connection(target));
                }
            });
            for (int i = 0; i < connections; i++) {
                target.connect();
            }
        });
    }

    /** What every connection of one run shares: where to connect, what to ask, and the run that counts. */
    private record Target(LoadRun run, URI base, LongFunction<Request> requestFor, AtomicLong sent,
                          Bootstrap bootstrap) {

        Target(LoadRun run, URI base, LongFunction<Request> requestFor, Bootstrap bootstrap) {
            this(run, base, requestFor, new AtomicLong(), bootstrap);
        }

        void connect() {
            bootstrap.connect(base.getHost(), base.getPort()).addListener(future -> {
                if (!future.isSuccess()) {
                    broken(null);
                }
            });
        }

        /** A connection broke or could not be made: a failure if measured; another is made while the run lasts. */
        void broken(Channel connection) {
            run.brokeNow();
            if (connection != null) {
                connection.close();
            }
            if (run.over()) {
                run.clientDone();
            } else {
                connect();
            }
        }
    }

    /** One connection: a request out, its answer in, the next request out. */
    private static final class Connection extends SimpleChannelInboundHandler<HttpObject> {
        private final Target target;
        private long sentAt;
        private int status;
        private boolean finished;

        Connection(Target target) {
            this.target = target;
        }

        @Override
        public void channelActive(ChannelHandlerContext context) {
            send(context);
        }

        private void send(ChannelHandlerContext context) {
            Request request = target.requestFor().apply(target.sent().getAndIncrement());
            FullHttpRequest out = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(request.method()),
                    request.path(), Unpooled.wrappedBuffer(request.body()));
            out.headers().set(HttpHeaderNames.HOST, target.base().getHost() + ":" + target.base().getPort())
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
                target.run().ended(sentAt, status >= 200 && status < 400);
                if (target.run().over()) {
                    finish(context);
                } else {
                    send(context);
                }
            }
        }

        private void finish(ChannelHandlerContext context) {
            if (!finished) {
                finished = true;
                context.close();
                target.run().clientDone();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            if (!finished) {
                finished = true;
                target.broken(null);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            if (!finished) {
                finished = true;
                target.broken(context.channel());
            }
        }
    }
}
