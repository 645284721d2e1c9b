package org.careergraph.deploy.local;

import static org.careergraph.deploy.local.GatewayAnswers.jsonString;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one local origin: forwards each request to the service {@link Routes} names, as the Kubernetes HTTPRoute does,
 * and answers {@code /health/readiness} for the whole system. A service its supervisor knows to be down (restarting,
 * given up on) is answered for as Kubernetes answers for a Service without ready pods: 503, with a Retry-After while
 * it restarts.
 *
 * <p>A small Netty HTTP/1.1 proxy ({@link GatewayConnection}): bodies stream through in both directions, request
 * heads are read strictly ({@link RequestChecks}) and slow requests time out ({@link SlowRequests}), all within
 * {@link GatewayLimits}. Whatever the gateway answers itself is JSON, every error a problem+json.
 */
final class Gateway implements AutoCloseable {

    static final String READINESS = "/health/readiness";
    static final String LIVENESS = "/health/liveness";

    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(3);
    private static final int EVENT_LOOP_THREADS = 2;

    private final EventLoopGroup group;
    private final Channel server;
    private final ExecutorService readinessExecutor;
    private final HttpClient readinessClient;
    private final Map<Service, URI> upstreams;
    private final Map<Service, InetSocketAddress> upstreamAddresses;
    private final Function<Service, Optional<Outage>> outages;
    private final GatewayLimits limits;
    private final Bootstrap upstreamBootstrap;

    private Gateway(Map<Service, URI> upstreams, Function<Service, Optional<Outage>> outages, GatewayLimits limits,
                    int port) {
        this.upstreams = Map.copyOf(upstreams);
        this.upstreamAddresses = new EnumMap<>(Service.class);
        upstreams.forEach((service, url) -> upstreamAddresses.put(service,
                new InetSocketAddress(url.getHost(), url.getPort())));
        this.outages = outages;
        this.limits = limits;
        this.readinessExecutor = Executors.newVirtualThreadPerTaskExecutor();
        this.readinessClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(readinessExecutor)
                .build();
        this.group = new MultiThreadIoEventLoopGroup(EVENT_LOOP_THREADS, new DefaultThreadFactory("gateway", true),
                NioIoHandler.newFactory());
        this.upstreamBootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) limits.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true);
        try {
            this.server = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            SlowRequests slowRequests = new SlowRequests(limits);
                            channel.pipeline().addLast(slowRequests, RequestChecks.decoder(limits),
                                    new HttpResponseEncoder(), new GatewayConnection(Gateway.this, slowRequests));
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                    .syncUninterruptibly()
                    .channel();
        } catch (Exception e) {
            close();
            if (e instanceof BindException bind) {
                throw new UncheckedIOException("The gateway cannot listen on port " + port
                        + " (is another Career Graph running? set CAREERGRAPH_PORT to use another port)", bind);
            }
            throw e;
        }
    }

    /** A gateway that knows of no outages: it finds out by forwarding. */
    static Gateway start(int port, Map<Service, URI> upstreams) {
        return start(port, upstreams, service -> Optional.empty());
    }

    /**
     * Listens on localhost.
     *
     * @param port      0 for a free one
     * @param upstreams base URL of each service, e.g. {@code http://localhost:8081}
     * @param outages   what the supervisor knows of a service that cannot serve now
     */
    static Gateway start(int port, Map<Service, URI> upstreams, Function<Service, Optional<Outage>> outages) {
        return start(port, upstreams, outages, GatewayLimits.DEFAULTS);
    }

    static Gateway start(int port, Map<Service, URI> upstreams, Function<Service, Optional<Outage>> outages,
                         GatewayLimits limits) {
        return new Gateway(upstreams, outages, limits, port);
    }

    URI url() {
        return URI.create("http://localhost:" + ((InetSocketAddress) server.localAddress()).getPort());
    }

    GatewayLimits limits() {
        return limits;
    }

    Optional<Outage> outage(Service service) {
        return outages.apply(service);
    }

    /** The service's base URL; null when the gateway was given none (a test with fewer services). */
    URI upstream(Service service) {
        return upstreams.get(service);
    }

    InetSocketAddress upstreamAddress(Service service) {
        return upstreamAddresses.get(service);
    }

    /** A new connection to a service, on the client connection's event loop, so that both share one thread. */
    ChannelFuture connect(EventLoop eventLoop, InetSocketAddress address, ChannelHandler handler) {
        return upstreamBootstrap.clone(eventLoop)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(new HttpDecoderConfig()
                                .setMaxHeaderSize(64 * 1024)
                                .setMaxChunkSize(64 * 1024), false, false), handler);
                    }
                })
                .connect(address);
    }

    /**
     * UP when every service's own readiness is UP. A service that is DOWN has a detail: its supervisor's state
     * ({@code RESTARTING}, {@code GAVE_UP}, ...), or {@code NOT_READY} when its own readiness check said so.
     */
    CompletableFuture<FullHttpResponse> readiness() {
        Map<Service, Optional<Outage>> knownOutages = new LinkedHashMap<>();
        Map<Service, CompletableFuture<Boolean>> checks = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            Optional<Outage> outage = outages.apply(service);
            knownOutages.put(service, outage);
            URI upstream = upstreams.get(service);
            checks.put(service, upstream == null || outage.isPresent() ? CompletableFuture.completedFuture(false)
                    : readinessClient.sendAsync(HttpRequest.newBuilder(URI.create(upstream + READINESS))
                                    .timeout(READINESS_TIMEOUT).build(), BodyHandlers.discarding())
                            .handle((response, error) -> error == null && response.statusCode() == 200));
        }
        return CompletableFuture.allOf(checks.values().toArray(CompletableFuture[]::new)).thenApply(all -> {
            StringBuilder services = new StringBuilder();
            StringBuilder details = new StringBuilder();
            boolean allUp = true;
            for (Map.Entry<Service, CompletableFuture<Boolean>> check : checks.entrySet()) {
                Service service = check.getKey();
                boolean up = check.getValue().join();
                allUp &= up;
                services.append(services.isEmpty() ? "" : ",").append('"').append(service.shortName())
                        .append("\":\"").append(up ? "UP" : "DOWN").append('"');
                if (!up) {
                    Outage outage = knownOutages.get(service).orElse(new Outage("NOT_READY",
                            "did not answer its readiness check with 200", Optional.empty()));
                    details.append(details.isEmpty() ? "" : ",").append('"').append(service.shortName())
                            .append("\":{\"state\":").append(jsonString(outage.state())).append(",\"detail\":")
                            .append(jsonString(outage.detail())).append('}');
                }
            }
            return GatewayAnswers.json(allUp ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "application/json", "{\"status\":\"" + (allUp ? "UP" : "DOWN") + "\",\"services\":{" + services
                            + "}" + (details.isEmpty() ? "" : ",\"details\":{" + details + "}") + "}");
        });
    }

    /** Stops taking requests and ends every connection (an answer still streaming is cut). */
    @Override
    public void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        readinessClient.shutdownNow();
        readinessExecutor.shutdownNow();
    }
}
