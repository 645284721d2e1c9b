package org.careergraph.testsupport.hostile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request: hostile requests carry what java.net.URI and the usual
 * clients refuse to send (invalid percent-encoding, control characters, unknown charsets).
 */
final class RawHttp {

    /** An answer: its status, headers in order (names lower case), and body. */
    record Answer(int status, List<Map.Entry<String, String>> headers, byte[] body) {

        String header(String name) {
            return headers.stream().filter(h -> h.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                    .orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;

    RawHttp(URI base, int timeoutMillis) {
        this.host = base.getHost();
        this.port = base.getPort();
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Sends the request as given: {@code target} is written into the request line unchanged; Content-Length is added
     * for a body.
     */
    Answer send(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(timeoutMillis);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            // ISO-8859-1: the request line carries exactly the bytes the probe chose.
            head.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, String> h : headers) {
                head.writeBytes((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            if (body != null) {
                head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            out.write(head.toByteArray());
            out.flush();
            // The body from another thread: a server may answer (413) without reading it, and a write has no timeout.
            Thread writer = body == null ? null : Thread.ofVirtual().start(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // The server stopped reading: its answer says why.
                }
            });
            Answer answer = read(new BufferedInputStream(socket.getInputStream()));
            if (writer != null) {
                writer.interrupt();
            }
            return answer;
        } catch (SocketTimeoutException e) {
            throw new IOException("no answer within " + timeoutMillis + " ms", e);
        }
    }

    /**
     * Reads one answer by its framing (Content-Length or chunked), not to the end of the stream: a server that
     * refuses a body before reading it may keep the connection open.
     */
    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes of an answer");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim()));
            }
        }
        Answer framing = new Answer(status, headers, new byte[0]);
        String length = framing.header("content-length");
        String coding = framing.header("transfer-encoding");
        byte[] body;
        if (status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if (coding != null && coding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.trim()));
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            String sizeText = sizeLine.split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
