package org.careergraph.deploy.local;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.careergraph.deploy.local.RequestChecks.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection of the {@link Gateway}: reads its requests one at a time, answers those the gateway answers
 * itself, and streams the others to their service and the service's answer back, each direction held back while the
 * other side cannot take more. It keeps its connection to the last service it used for the next request.
 *
 * <p>Everything runs on the client connection's event loop, which the service connections share.
 */
final class GatewayConnection extends ChannelInboundHandlerAdapter {

    /** Requests that may be sent twice without doing twice what they ask. */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);
    private static final Logger LOG = LoggerFactory.getLogger(GatewayConnection.class);

    /** After its last answer, how long a closing connection still reads (and drops) what the client sends. */
    private static final Duration LINGER = Duration.ofSeconds(2);

    /**
     * RFC 9110 7.6.1 hop-by-hop headers, the framing and Host the gateway sets itself, Expect (the gateway answers
     * 100-continue), and the forwarding headers, which only the gateway may set: a client's own would be believed.
     */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade",
            "host", "content-length", "expect", "forwarded", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "x-real-ip");

    private final Gateway gateway;
    private final SlowRequests slowRequests;
    private ChannelHandlerContext ctx;
    /** The request being read or answered; null between requests. */
    private Exchange exchange;
    /** What was already read of the next requests while one is answered (a client that pipelines). */
    private final ArrayDeque<HttpObject> nextRequests = new ArrayDeque<>();
    /** The last answer is sent or being sent: whatever else arrives is dropped. */
    private boolean closing;
    private Channel idleUpstream;
    private Service idleUpstreamService;

    /** One request and its answer. */
    private final class Exchange {
        final HttpRequest request;
        /** For problems' {@code instance}. */
        final String path;
        final boolean head;
        final boolean clientKeepAlive;
        boolean expectsContinue;
        Service service;
        /** Still streamed to its service; false once the gateway answers for it instead. */
        boolean forwarding;
        HttpRequest upstreamHead;
        Channel upstream;
        boolean reusedUpstream;
        boolean retried;
        /** Body parts read before the service's connection was open. */
        final ArrayDeque<HttpContent> waitingForUpstream = new ArrayDeque<>();
        long bodyBytes;
        boolean requestComplete;
        boolean responseStarted;
        boolean closeAfter;
        boolean skippingInformational;
        boolean upstreamKeepAlive;
        /** The gateway's own answer, sent once the request is read. */
        FullHttpResponse localAnswer;
        ScheduledFuture<?> responseTimeout;

        Exchange(HttpRequest request, String path) {
            this.request = request;
            this.path = path;
            this.head = request.method().equals(HttpMethod.HEAD);
            this.clientKeepAlive = HttpUtil.isKeepAlive(request);
        }
    }

    GatewayConnection(Gateway gateway, SlowRequests slowRequests) {
        this.gateway = gateway;
        this.slowRequests = slowRequests;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing || !(msg instanceof HttpObject object)) {
            ReferenceCountUtil.release(msg);
        } else if (exchange != null && exchange.requestComplete) {
            nextRequests.add(object);
            updateReading();
        } else {
            receive(object);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == SlowRequests.Timeout.HEAD_INCOMPLETE) {
            refuse(new Refusal(408, "Request Timeout", "The request's header section was not complete within "
                    + seconds(gateway.limits().headTimeout()) + "."), null);
        } else if (event == SlowRequests.Timeout.BODY_STALLED) {
            refuse(new Refusal(408, "Request Timeout", "The request's body stopped coming: no byte for "
                    + seconds(gateway.limits().bodyStallTimeout()) + "."), exchange == null ? null : exchange.path);
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Exchange ex = exchange;
        if (ex != null && ex.upstream != null) {
            ex.upstream.config().setAutoRead(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        Exchange ex = exchange;
        exchange = null;
        if (ex != null) {
            drop(ex);
        }
        dropNextRequests();
        closeIdleUpstream();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("client connection failed", cause);
        ctx.close();
    }

    private void receive(HttpObject object) {
        if (object instanceof HttpRequest request) {
            begin(request);
        }
        if (object instanceof HttpContent content) {
            if (closing || exchange == null) {
                content.release();
            } else {
                bodyPart(exchange, content);
            }
        }
    }

    private void begin(HttpRequest request) {
        slowRequests.headReceived();
        if (request.decoderResult().isFailure()) {
            refuse(RequestChecks.malformedHead(request, request.decoderResult().cause(), gateway.limits()), null);
            return;
        }
        if (!request.uri().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // The decoder reads the line as Latin-1; forwarded, other bytes would change (RFC 9112 3.2: ASCII only).
            refuse(Refusal.badRequest("The request target must be printable ASCII; percent-encode other characters."),
                    null);
            return;
        }
        URI target;
        try {
            // Normalized, so that the service sees the path the route was chosen by (no /api/x/../y).
            target = new URI(request.uri()).normalize();
        } catch (URISyntaxException e) {
            refuse(Refusal.badRequest("The request target is not a valid URI."), null);
            return;
        }
        String path = target.getPath();
        if (path == null || !path.startsWith("/")) {
            refuse(Refusal.badRequest("The request target must be a path from the root."), null);
            return;
        }
        if (path.contains("/../") || path.endsWith("/..")) {
            // Dot segments left after normalizing were percent-encoded: the route and the service could differ.
            refuse(Refusal.badRequest("The path must not climb with '..' segments."), null);
            return;
        }
        exchange = new Exchange(request, path);
        Optional<Refusal> fault = RequestChecks.framingFault(request, gateway.limits());
        if (fault.isPresent()) {
            refuse(fault.get(), path);
            return;
        }
        String expect = request.headers().get(HttpHeaderNames.EXPECT);
        if (expect != null) {
            if (!expect.trim().equalsIgnoreCase("100-continue")) {
                refuse(new Refusal(417, "Expectation Failed", "Expect may only be 100-continue."), path);
                return;
            }
            exchange.expectsContinue = request.protocolVersion().equals(HttpVersion.HTTP_1_1);
        }
        route(exchange, target);
    }

    private void route(Exchange ex, URI target) {
        String path = ex.path;
        if (path.equals(Gateway.READINESS)) {
            gateway.readiness().whenComplete((answer, error) -> ctx.executor().execute(() -> {
                FullHttpResponse readiness = answer != null ? answer
                        : GatewayAnswers.problem(500, "Internal Server Error", "The readiness check failed.", path);
                if (exchange == ex && !closing) {
                    answerLocally(ex, readiness);
                } else {
                    readiness.release();
                }
            }));
            return;
        }
        if (path.equals(Gateway.LIVENESS)) {
            answerLocally(ex, GatewayAnswers.json(HttpResponseStatus.OK, "application/json", "{\"status\":\"UP\"}"));
            return;
        }
        Optional<Service> service = Routes.serviceFor(path);
        if (service.isEmpty()) {
            answerLocally(ex, GatewayAnswers.problem(404, "Not Found", "No API is served at this path.", path));
            return;
        }
        ex.service = service.get();
        Optional<Outage> outage = gateway.outage(ex.service);
        if (outage.isPresent()) {
            answerLocally(ex, GatewayAnswers.unavailable(ex.service, outage.get(), path));
            return;
        }
        ex.forwarding = true;
        ex.upstreamHead = upstreamHead(ex, target);
        if (ex.expectsContinue) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        Channel reusable = takeIdleUpstream(ex.service);
        if (reusable != null) {
            ex.reusedUpstream = true;
            upstreamConnected(ex, reusable);
        } else {
            connect(ex);
        }
    }

    private void bodyPart(Exchange ex, HttpContent content) {
        if (content.decoderResult().isFailure()) {
            content.release();
            refuse(RequestChecks.malformedBody(), ex.path);
            return;
        }
        ex.bodyBytes += content.content().readableBytes();
        if (ex.bodyBytes > gateway.limits().maxBodyBytes()) {
            content.release();
            refuse(RequestChecks.tooLarge(gateway.limits()), ex.path);
            return;
        }
        boolean last = content instanceof LastHttpContent;
        if (last) {
            ex.requestComplete = true;
            slowRequests.requestReceived();
        }
        if (!ex.forwarding || ex.responseStarted) {
            // Answered by the gateway, or by the service before it read the whole body: the rest is dropped.
            content.release();
        } else {
            // Trailer fields are not forwarded (none of the services reads them).
            HttpContent part = last && !((LastHttpContent) content).trailingHeaders().isEmpty()
                    ? new DefaultLastHttpContent(content.content()) : content;
            if (ex.upstream == null) {
                ex.waitingForUpstream.add(part);
            } else {
                ex.upstream.writeAndFlush(part);
                if (last) {
                    scheduleResponseTimeout(ex);
                }
            }
        }
        if (last && ex.localAnswer != null) {
            sendLocalAnswer(ex);
        }
        updateReading();
    }

    // ---- the service's side

    private HttpRequest upstreamHead(Exchange ex, URI target) {
        HttpRequest request = ex.request;
        HttpHeaders headers = new DefaultHttpHeaders();
        Set<String> connectionTokens = connectionTokens(request.headers().getAll(HttpHeaderNames.CONNECTION));
        for (Map.Entry<String, String> header : request.headers()) {
            if (forwarded(header.getKey(), connectionTokens)) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        URI upstream = gateway.upstream(ex.service);
        if (upstream != null) {
            headers.set(HttpHeaderNames.HOST, upstream.getRawAuthority());
        }
        if (HttpUtil.isTransferEncodingChunked(request)) {
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        } else if (request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, request.headers().get(HttpHeaderNames.CONTENT_LENGTH).trim());
        }
        // The address the gateway saw, alone: a client's own X-Forwarded-For is not passed on, because the services
        // trust loopback peers as proxies and every client of the gateway is on loopback, so an appended claim would
        // be believed and a client could pick its own rate-limit key.
        headers.set("X-Forwarded-For", ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress()
                .getHostAddress());
        headers.set("X-Forwarded-Proto", "http");
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        String pathAndQuery = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return new DefaultHttpRequest(HttpVersion.HTTP_1_1, request.method(), pathAndQuery, headers);
    }

    private void connect(Exchange ex) {
        InetSocketAddress address = gateway.upstreamAddress(ex.service);
        if (address == null) {
            upstreamFailed(ex);
            return;
        }
        UpstreamHandler handler = new UpstreamHandler();
        gateway.connect(ctx.channel().eventLoop(), address, handler).addListener((ChannelFuture connected) -> {
            if (exchange != ex || !ex.forwarding || closing) {
                connected.channel().close();
            } else if (connected.isSuccess()) {
                upstreamConnected(ex, connected.channel());
            } else {
                LOG.debug("{} {}: cannot connect to {}", ex.request.method(), ex.path, address, connected.cause());
                upstreamFailed(ex);
            }
        });
    }

    private void upstreamConnected(Exchange ex, Channel upstream) {
        ex.upstream = upstream;
        upstream.config().setAutoRead(ctx.channel().isWritable());
        upstream.write(ex.upstreamHead);
        HttpContent part;
        while ((part = ex.waitingForUpstream.poll()) != null) {
            upstream.write(part);
        }
        upstream.flush();
        scheduleResponseTimeout(ex);
        updateReading();
    }

    private void fromUpstream(Channel upstream, Object msg) {
        Exchange ex = exchange;
        if (ex == null || ex.upstream != upstream || !ex.forwarding) {
            // An idle connection that speaks, or one of an exchange already answered otherwise.
            ReferenceCountUtil.release(msg);
            upstream.close();
            return;
        }
        if (msg instanceof HttpResponse response) {
            if (response.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                LOG.debug("{} {}: malformed answer", ex.request.method(), ex.path, response.decoderResult().cause());
                upstreamFailed(ex);
                return;
            }
            if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                // 100 Continue and the like: the gateway answered Expect itself.
                ex.skippingInformational = true;
                ReferenceCountUtil.release(msg);
                return;
            }
            cancelResponseTimeout(ex);
            ex.upstreamKeepAlive = HttpUtil.isKeepAlive(response);
            ex.responseStarted = true;
            ctx.write(clientHead(ex, response));
        }
        if (msg instanceof HttpContent content) {
            if (ex.skippingInformational || !ex.responseStarted) {
                ex.skippingInformational &= !(content instanceof LastHttpContent);
                content.release();
                return;
            }
            if (content.decoderResult().isFailure()) {
                content.release();
                closeNow();
                return;
            }
            boolean last = content instanceof LastHttpContent;
            HttpContent part = content;
            if (ex.head) {
                content.release();
                part = last ? LastHttpContent.EMPTY_LAST_CONTENT : null;
            }
            if (last) {
                finish(ex, ctx.writeAndFlush(part), ex.upstreamKeepAlive && ex.requestComplete);
            } else if (part != null) {
                ctx.write(part);
                if (!ctx.channel().isWritable()) {
                    upstream.config().setAutoRead(false);
                }
            }
        }
    }

    private HttpResponse clientHead(Exchange ex, HttpResponse response) {
        HttpHeaders headers = new DefaultHttpHeaders();
        Set<String> connectionTokens = connectionTokens(response.headers().getAll(HttpHeaderNames.CONNECTION));
        for (Map.Entry<String, String> header : response.headers()) {
            if (forwarded(header.getKey(), connectionTokens)) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        String length = response.headers().get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
        }
        int status = response.status().code();
        if (length == null && !ex.head && status != 204 && status != 304) {
            if (ex.request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            } else {
                ex.closeAfter = true; // an HTTP/1.0 client reads such a body to the connection's end
            }
        }
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status(), headers);
        connectionHeader(ex, head);
        return head;
    }

    private void upstreamClosed(Channel upstream) {
        if (upstream == idleUpstream) {
            idleUpstream = null;
            return;
        }
        Exchange ex = exchange;
        if (ex == null || ex.upstream != upstream || !ex.forwarding) {
            return;
        }
        if (ex.responseStarted) {
            closeNow(); // the answer is cut short: the client must not take it for whole
        } else if (ex.reusedUpstream && !ex.retried && ex.requestComplete && ex.bodyBytes == 0
                && IDEMPOTENT.contains(ex.request.method())) {
            // A kept connection the service closed just as it was reused: once more on a new one, for a request that
            // may run twice (an empty POST such as a replay or a confirmation may already have done its work).
            ex.retried = true;
            ex.upstream = null;
            ex.waitingForUpstream.add(LastHttpContent.EMPTY_LAST_CONTENT);
            connect(ex);
        } else {
            upstreamFailed(ex);
        }
    }

    /** The service could not be reached or broke off: 503 if its supervisor knows why, else 502. */
    private void upstreamFailed(Exchange ex) {
        stopForwarding(ex);
        Optional<Outage> outage = gateway.outage(ex.service);
        answerLocally(ex, outage.isPresent() ? GatewayAnswers.unavailable(ex.service, outage.get(), ex.path)
                : GatewayAnswers.problem(502, "Bad Gateway", "The " + ex.service.shortName()
                + " service is not reachable.", ex.path));
    }

    private void scheduleResponseTimeout(Exchange ex) {
        cancelResponseTimeout(ex);
        Duration timeout = gateway.limits().responseTimeout();
        ex.responseTimeout = ctx.executor().schedule(() -> {
            if (exchange != ex || !ex.forwarding || ex.responseStarted) {
                return;
            }
            if (!ex.requestComplete && ex.upstream != null && ex.upstream.isWritable()) {
                scheduleResponseTimeout(ex); // still taking the body: its time starts when it has all of it
                return;
            }
            stopForwarding(ex);
            answerLocally(ex, GatewayAnswers.problem(504, "Gateway Timeout", "The " + ex.service.shortName()
                    + " service did not answer within " + seconds(timeout) + ".", ex.path));
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static void cancelResponseTimeout(Exchange ex) {
        if (ex.responseTimeout != null) {
            ex.responseTimeout.cancel(false);
            ex.responseTimeout = null;
        }
    }

    private void stopForwarding(Exchange ex) {
        ex.forwarding = false;
        drop(ex);
    }

    /** Lets go of an exchange's service connection (it is mid-request: not reusable) and what waited for it. */
    private static void drop(Exchange ex) {
        cancelResponseTimeout(ex);
        if (ex.upstream != null) {
            ex.upstream.close();
            ex.upstream = null;
        }
        ex.waitingForUpstream.forEach(ReferenceCountUtil::release);
        ex.waitingForUpstream.clear();
        if (ex.localAnswer != null) {
            ex.localAnswer.release();
            ex.localAnswer = null;
        }
    }

    private Channel takeIdleUpstream(Service service) {
        Channel idle = idleUpstream;
        idleUpstream = null;
        if (idle != null && idle.isActive() && idleUpstreamService == service) {
            return idle;
        }
        if (idle != null) {
            idle.close();
        }
        return null;
    }

    private void closeIdleUpstream() {
        if (idleUpstream != null) {
            idleUpstream.close();
            idleUpstream = null;
        }
    }

    // ---- answers

    /** The gateway's own answer: sent once the request is read, so that the connection can serve the next one. */
    private void answerLocally(Exchange ex, FullHttpResponse answer) {
        ex.localAnswer = answer;
        if (ex.requestComplete || ex.expectsContinue) {
            // A client waiting for 100 Continue sends no body: it gets the answer instead (RFC 9110 10.1.1).
            sendLocalAnswer(ex);
        }
        updateReading();
    }

    private void sendLocalAnswer(Exchange ex) {
        FullHttpResponse answer = ex.localAnswer;
        ex.localAnswer = null;
        ex.responseStarted = true;
        if (ex.head) {
            answer = withoutBody(answer);
        }
        connectionHeader(ex, answer);
        finish(ex, ctx.writeAndFlush(answer), false);
    }

    /** Keep-alive only when the whole request was read and the client wants it. */
    private void connectionHeader(Exchange ex, HttpResponse head) {
        ex.closeAfter |= !ex.requestComplete || !ex.clientKeepAlive;
        if (ex.closeAfter) {
            head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (ex.request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    /** The answer's last part is written: next request, or the end of the connection. */
    private void finish(Exchange ex, ChannelFuture written, boolean upstreamReusable) {
        exchange = null;
        cancelResponseTimeout(ex);
        Channel upstream = ex.upstream;
        ex.upstream = null;
        if (upstream != null && (!upstreamReusable || ex.closeAfter)) {
            upstream.close();
        } else if (upstream != null) {
            upstream.config().setAutoRead(true);
            closeIdleUpstream();
            idleUpstream = upstream;
            idleUpstreamService = ex.service;
        }
        if (ex.closeAfter) {
            closeAfter(written);
            return;
        }
        slowRequests.answered();
        HttpObject next;
        while (!closing && (exchange == null || !exchange.requestComplete) && (next = nextRequests.poll()) != null) {
            receive(next);
        }
        updateReading();
    }

    /**
     * A problem for a request the gateway will not read further (malformed, too large, too slow), then the end of
     * the connection; once an answer has begun, only the end.
     */
    private void refuse(Refusal refusal, String instance) {
        Exchange ex = exchange;
        if (closing) {
            return;
        }
        exchange = null;
        if (ex != null) {
            drop(ex);
        }
        LOG.debug("refused: {} {}", refusal.status(), refusal.detail());
        if (ex != null && ex.responseStarted) {
            closeNow();
            return;
        }
        FullHttpResponse answer = GatewayAnswers.problem(refusal.status(), refusal.title(), refusal.detail(), instance);
        if (ex != null && ex.head) {
            answer = withoutBody(answer);
        }
        answer.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        closeAfter(ctx.writeAndFlush(answer));
    }

    /**
     * Ends the connection after the answer, without losing it: a close with unread request bytes would reset the
     * connection, and a client that is still sending could lose the answer. So the gateway ends its side, reads and
     * drops what still comes for a moment, then closes.
     */
    private void closeAfter(ChannelFuture written) {
        closing = true;
        dropNextRequests();
        closeIdleUpstream();
        updateReading();
        written.addListener((ChannelFuture done) -> {
            if (!done.isSuccess() || !(done.channel() instanceof SocketChannel socket)) {
                done.channel().close();
                return;
            }
            socket.shutdownOutput();
            ctx.executor().schedule(() -> socket.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private void closeNow() {
        closing = true;
        ctx.close();
    }

    private void dropNextRequests() {
        nextRequests.forEach(ReferenceCountUtil::release);
        nextRequests.clear();
    }

    /**
     * Reads while a request's body is wanted and its service can take more; not while a request is answered (the
     * next one waits) and not before the service's connection is open. A closing connection reads to drop.
     */
    private void updateReading() {
        Exchange ex = exchange;
        boolean read = closing || ex == null || !ex.requestComplete && (!ex.forwarding || ex.responseStarted
                || ex.upstream != null && ex.upstream.isWritable());
        ctx.channel().config().setAutoRead(read);
    }

    private static FullHttpResponse withoutBody(FullHttpResponse answer) {
        FullHttpResponse head = answer.replace(io.netty.buffer.Unpooled.EMPTY_BUFFER);
        answer.release();
        return head;
    }

    private static boolean forwarded(String name, Set<String> connectionTokens) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !NOT_FORWARDED.contains(lower) && !connectionTokens.contains(lower);
    }

    /** Headers named in Connection are hop-by-hop too. */
    private static Set<String> connectionTokens(List<String> connectionHeaders) {
        return connectionHeaders.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(token -> token.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }

    /** The end of one service connection: its messages go to the client's exchange. */
    final class UpstreamHandler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext upstreamCtx, Object msg) {
            fromUpstream(upstreamCtx.channel(), msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext upstreamCtx) {
            ctx.flush();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext upstreamCtx) {
            updateReading();
        }

        @Override
        public void channelInactive(ChannelHandlerContext upstreamCtx) {
            upstreamClosed(upstreamCtx.channel());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext upstreamCtx, Throwable cause) {
            LOG.debug("service connection failed", cause);
            upstreamCtx.close();
        }
    }
}
