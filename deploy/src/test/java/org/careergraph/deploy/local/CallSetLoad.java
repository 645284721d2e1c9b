package org.careergraph.deploy.local;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.careergraph.testsupport.bench.HttpLoad;
import org.careergraph.testsupport.bench.LoadRun;

/**
 * The baseline of a page that asks several services: {@code clients} closed-loop clients, each doing one set of GETs
 * at a time as the page does them (a call starts once the calls it waits for have answered; the set is done when every
 * call has answered), then the next set. Each client keeps one kept-alive connection per call of the set. Counted by
 * the same {@link LoadRun} as {@link HttpLoad} (Netty, one event-loop thread), so that the page and its baseline cost
 * the load the same.
 */
final class CallSetLoad {

    /**
     * One GET of a set.
     *
     * @param base     the service's address
     * @param path     path and query
     * @param waitsFor indexes of the calls of the same set that must have answered before this one starts
     */
    record Call(URI base, String path, List<Integer> waitsFor) {
    }

    private CallSetLoad() {
    }

    /** {@code setFor} gives the n-th set, of at most {@code callsPerSet} calls (a client keeps a connection each). */
    static HttpLoad.Result run(LongFunction<List<Call>> setFor, int callsPerSet, int clients, Duration warmUp,
                               Duration measured) {
        return LoadRun.drive(clients, warmUp, measured, (run, bootstrap) -> {
            bootstrap.handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new HttpClientCodec());
                }
            });
            AtomicLong sets = new AtomicLong();
            for (int i = 0; i < clients; i++) {
                bootstrap.config().group().execute(new Client(run, setFor, sets, bootstrap, callsPerSet)::nextSet);
            }
        });
    }

    /** One client: its connections (one per call of a set, made when first needed) and the set in hand. */
    private static final class Client {
        private final LoadRun run;
        private final LongFunction<List<Call>> setFor;
        private final AtomicLong sets;
        private final Bootstrap bootstrap;
        private final Channel[] connections;
        private List<Call> set;
        private boolean[] answered;
        private boolean[] started;
        private int open;
        private boolean failed;
        private long setStartedAt;

        Client(LoadRun run, LongFunction<List<Call>> setFor, AtomicLong sets, Bootstrap bootstrap, int callsPerSet) {
            this.run = run;
            this.setFor = setFor;
            this.sets = sets;
            this.bootstrap = bootstrap;
            this.connections = new Channel[callsPerSet];
        }

        void nextSet() {
            if (run.over()) {
                for (Channel connection : connections) {
                    if (connection != null) {
                        connection.close();
                    }
                }
                run.clientDone();
                return;
            }
            set = setFor.apply(sets.getAndIncrement());
            answered = new boolean[set.size()];
            started = new boolean[set.size()];
            open = set.size();
            failed = false;
            setStartedAt = System.nanoTime();
            startReadyCalls();
        }

        private void startReadyCalls() {
            for (int i = 0; i < set.size(); i++) {
                if (!started[i] && set.get(i).waitsFor().stream().allMatch(j -> answered[j])) {
                    started[i] = true;
                    send(i);
                }
            }
        }

        private void send(int index) {
            Call call = set.get(index);
            Channel connection = connections[index];
            if (connection != null && connection.isActive()) {
                write(connection, call);
                return;
            }
            bootstrap.connect(call.base().getHost(), call.base().getPort()).addListener(future -> {
                if (!future.isSuccess()) {
                    answer(index, false);
                    return;
                }
                Channel channel = ((io.netty.channel.ChannelFuture) future).channel();
                channel.pipeline().addLast(new Answers(this, index));
                connections[index] = channel;
                write(channel, call);
            });
        }

        private static void write(Channel connection, Call call) {
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, call.path(),
                    Unpooled.EMPTY_BUFFER);
            request.headers().set(HttpHeaderNames.HOST, call.base().getHost() + ":" + call.base().getPort())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE)
                    .set(HttpHeaderNames.ACCEPT, "application/json");
            connection.writeAndFlush(request);
        }

        /** A call answered (a 2xx-4xx is an answer as the page takes it; a 5xx or a broken connection fails). */
        void answer(int index, boolean success) {
            if (answered[index]) {
                return;
            }
            answered[index] = true;
            failed |= !success;
            open--;
            if (open > 0) {
                startReadyCalls();
                return;
            }
            run.ended(setStartedAt, !failed);
            nextSet();
        }

        void broken(int index) {
            connections[index] = null;
            if (set != null && started[index] && !answered[index]) {
                answer(index, false);
            }
        }
    }

    /** The answers on one connection of a client. */
    private static final class Answers extends SimpleChannelInboundHandler<HttpObject> {
        private final Client client;
        private final int index;
        private int status;

        Answers(Client client, int index) {
            this.client = client;
            this.index = index;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
            if (message instanceof HttpResponse response) {
                status = response.status().code();
            }
            if (message instanceof LastHttpContent) {
                client.answer(index, status < 500);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            client.broken(index);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            context.close();
        }
    }

    /** The indexes 0 to n-1: what a call waits for when it waits for the first n calls. */
    static List<Integer> first(int n) {
        List<Integer> indexes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            indexes.add(i);
        }
        return indexes;
    }
}
