package org.careergraph.deploy.local;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.InvalidLineSeparatorException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The gateway's reading of a request head, stricter than a service needs because the gateway frames the request for
 * the service: whatever it cannot frame without guessing (RFC 9112 6.3) it refuses, and closes the connection.
 */
final class RequestChecks {

    /** Why a request is refused: its status, the status's title and what is wrong, naming the field. */
    record Refusal(int status, String title, String detail) {

        static Refusal badRequest(String detail) {
            return new Refusal(400, "Bad Request", detail);
        }
    }

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private RequestChecks() {
    }

    /**
     * Netty's request decoder with the gateway's limits, bare LF refused, and a request with both Content-Length and
     * Transfer-Encoding left as it came: Netty would drop the Content-Length and read it chunked; the gateway refuses
     * it (see {@link #framingFault}), as one of the two framings is a lie.
     */
    static HttpRequestDecoder decoder(GatewayLimits limits) {
        return new HttpRequestDecoder(new HttpDecoderConfig()
                .setMaxInitialLineLength(limits.maxRequestLineBytes())
                .setMaxHeaderSize(limits.maxHeaderBytes())
                .setMaxChunkSize(64 * 1024)
                .setStrictLineParsing(true)
                .setAllowDuplicateContentLengths(false)) {
            @Override
            protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
                // Both headers stay: framingFault refuses the request.
            }
        };
    }

    /** What the decoder could not read, as a refusal that names the part at fault (never the exception's text). */
    static Refusal malformedHead(HttpRequest request, Throwable cause, GatewayLimits limits) {
        if (cause instanceof TooLongHttpLineException) {
            return new Refusal(414, "URI Too Long", "The request line is longer than "
                    + limits.maxRequestLineBytes() + " bytes.");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return new Refusal(431, "Request Header Fields Too Large", "The header fields are longer than "
                    + limits.maxHeaderBytes() + " bytes in all.");
        }
        if (cause instanceof InvalidLineSeparatorException) {
            return Refusal.badRequest("Each line of the request head must end with CR LF; a bare LF is refused.");
        }
        if (badContentLength(request.headers().getAll(HttpHeaderNames.CONTENT_LENGTH))) {
            return Refusal.badRequest("Content-Length must be one decimal number of bytes.");
        }
        return Refusal.badRequest("The request line or a header field is not valid HTTP/1.1.");
    }

    /** What the decoder could not read in a body: only a chunked body can be malformed. */
    static Refusal malformedBody() {
        return Refusal.badRequest("The chunked body is malformed: each chunk is a hexadecimal size, CR LF, the data "
                + "and CR LF, and a chunk of size 0 ends the body.");
    }

    /**
     * A head the decoder read but the gateway will not forward: a version other than 1.0 and 1.1, no or several Host
     * fields, a Transfer-Encoding other than chunked alone, both framings, or a body larger than the limit.
     */
    static Optional<Refusal> framingFault(HttpRequest request, GatewayLimits limits) {
        HttpVersion version = request.protocolVersion();
        if (!version.equals(HttpVersion.HTTP_1_1) && !version.equals(HttpVersion.HTTP_1_0)) {
            return Optional.of(new Refusal(505, "HTTP Version Not Supported", "Only HTTP/1.1 and HTTP/1.0 are "
                    + "served."));
        }
        List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
        if (hosts.size() > 1 || hosts.isEmpty() && version.equals(HttpVersion.HTTP_1_1)) {
            return Optional.of(Refusal.badRequest("Host must be given exactly once."));
        }
        List<String> codings = request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        List<String> lengths = request.headers().getAll(HttpHeaderNames.CONTENT_LENGTH);
        if (!codings.isEmpty()) {
            if (!lengths.isEmpty()) {
                return Optional.of(Refusal.badRequest("Content-Length and Transfer-Encoding must not both be given."));
            }
            if (version.equals(HttpVersion.HTTP_1_0)) {
                return Optional.of(Refusal.badRequest("Transfer-Encoding is not defined in HTTP/1.0."));
            }
            if (codings.size() != 1 || !codings.getFirst().trim().equalsIgnoreCase("chunked")) {
                return Optional.of(Refusal.badRequest("Transfer-Encoding must be chunked alone; no other transfer "
                        + "coding is accepted."));
            }
        }
        if (badContentLength(lengths)) {
            return Optional.of(Refusal.badRequest("Content-Length must be one decimal number of bytes."));
        }
        if (!lengths.isEmpty() && Long.parseLong(lengths.getFirst().trim()) > limits.maxBodyBytes()) {
            return Optional.of(tooLarge(limits));
        }
        return Optional.empty();
    }

    static Refusal tooLarge(GatewayLimits limits) {
        return new Refusal(413, "Content Too Large", "The body is larger than " + limits.maxBodyBytes()
                + " bytes, the most any service accepts.");
    }

    private static boolean badContentLength(List<String> lengths) {
        return lengths.size() > 1 || lengths.size() == 1 && !DIGITS.matcher(lengths.getFirst().trim()).matches();
    }
}
