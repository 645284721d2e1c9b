package org.careergraph.deploy.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local system's API through its gateway, as a client calls it: plain requests, release uploads as an admin, and
 * the listings a test or benchmark walks. Shared by the tests and benchmarks that import the publishers' files.
 */
public final class SystemApi implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String adminToken;

    public SystemApi(String baseUrl, String adminToken) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    /** A release to upload: its series, its label and date (null: the files say), its files by name. */
    public record Release(String series, String label, String releasedOn, Map<String, byte[]> files) {

        public String name() {
            return series + " " + (label == null ? files.keySet() : label);
        }
    }

    /**
     * Every bundled release but OEWS's, with OEWS May 2023 (from the catalog's test files) in its place: the state
     * before May 2024. The classifications come last, so that each occupation is created once with everything its
     * releases say.
     */
    public static List<Release> releasesUpToOewsMay2023(Path root) throws IOException {
        Path bundled = root.resolve("catalog-service/src/main/resources/releases");
        Map<String, String[]> index = new LinkedHashMap<>();
        for (String line : Files.readAllLines(bundled.resolve("index.tsv")).stream().skip(1).toList()) {
            String[] cells = line.split("\t");
            index.put(cells[0], cells);
        }
        List<Release> releases = new ArrayList<>();
        for (String series : List.of("ZH_TITLES", "CROSSWALK", "PROJECTIONS", "LLM_EXPOSURE", "AI_APPLICABILITY",
                "OEWS", "ANZSCO", "ONET")) {
            if (series.equals("OEWS")) {
                releases.add(oewsMay2023(root));
                continue;
            }
            String[] entry = index.get(series);
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String file : entry[3].split("\\|")) {
                files.put(file.substring(file.lastIndexOf('/') + 1), Files.readAllBytes(bundled.resolve(file)));
            }
            releases.add(new Release(series, entry[1], entry[2], files));
        }
        return releases;
    }

    /** OEWS May 2023, from the catalog's test files. */
    public static Release oewsMay2023(Path root) throws IOException {
        return new Release("OEWS", null, null, Map.of("national_M2023_dl.csv", Files.readAllBytes(
                root.resolve("catalog-service/src/test/resources/releases/national_M2023_dl.csv"))));
    }

    /** OEWS May 2024 as bundled. */
    public static Release oewsMay2024(Path root) throws IOException {
        return new Release("OEWS", null, null, Map.of("national_M2024_dl.csv", Files.readAllBytes(
                root.resolve("catalog-service/src/main/resources/releases/bls-oews/national_M2024_dl.csv"))));
    }

    /** Uploads a release as an admin (POST /api/releases, multipart); answers where its import's progress is. */
    public String upload(Release release) throws IOException, InterruptedException {
        String boundary = "release-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("series", release.series());
        if (release.label() != null) {
            fields.put("release", release.label());
            fields.put("releasedOn", release.releasedOn());
        }
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(UTF_8));
        }
        for (Map.Entry<String, byte[]> file : release.files().entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(UTF_8));
            body.write(file.getValue());
            body.write("\r\n".getBytes(UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(UTF_8));
        HttpResponse<String> accepted = send("POST", "/api/releases", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary, adminToken);
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException(release.name() + ": " + accepted.statusCode() + " " + accepted.body());
        }
        return accepted.headers().firstValue("Location").orElseThrow();
    }

    /** Uploads the release and waits until its import ends: its last progress (status APPLIED, unless refused). */
    public JsonNode importRelease(Release release, Duration atMost) throws IOException, InterruptedException {
        String location = upload(release);
        return await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> importStatus(location),
                status -> !List.of("QUEUED", "RUNNING").contains(status.path("status").asText()));
    }

    /** An import's progress: {@code status} QUEUED, RUNNING, APPLIED or REFUSED, with its counts. */
    public JsonNode importStatus(String location) throws IOException, InterruptedException {
        return json.readTree(send("GET", location, null, null, adminToken).body());
    }

    /** Every occupation's id, page by page; {@code filter} is added to the query ("&codeSystem=SOC"). */
    List<String> occupationIds(String filter) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = json.readTree(send("GET", "/api/occupations?size=100&page=" + page + filter, null, null,
                    null).body()).path("items");
            if (items.isEmpty()) {
                return ids;
            }
            items.forEach(item -> ids.add(item.path("id").asText()));
        }
    }

    /** The {@code total} of a listing. */
    long total(String path) throws IOException, InterruptedException {
        return json.readTree(send("GET", path, null, null, null).body()).path("total").asLong();
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        return json.readTree(send("GET", path, null, null, null).body());
    }

    /** {@code path} is the gateway's ("/api/...") or a whole URL. */
    HttpResponse<String> send(String method, String path, byte[] body, String contentType, String bearer)
            throws IOException, InterruptedException {
        URI uri = path.startsWith("http") ? URI.create(path) : URI.create(baseUrl + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), BodyHandlers.ofString(UTF_8));
    }

    @Override
    public void close() {
        http.close();
    }
}
