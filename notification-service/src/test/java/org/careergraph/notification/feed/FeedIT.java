package org.careergraph.notification.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.careergraph.events.EventType;
import org.careergraph.notification.NotificationIT;
import org.careergraph.testsupport.TestOccupations;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Atom feed of an occupation's changes: events in through a real broker, XML out, read by a real XML parser. */
@MicronautTest(transactional = false)
class FeedIT extends NotificationIT {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("careergraph.notification.public-url", "https://careergraph.test/");
    }

    @Test
    void anOccupationsChangesAreAFeedNewestFirstInEitherLanguageWithoutAnySubscription() throws Exception {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        occupations().awaitHandled(occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code));
        occupations().awaitHandled(occupations().publish(EventType.SCORE_CHANGED, code));

        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET(feed(occupationId)), String.class);
        assertEquals("application/atom+xml;charset=UTF-8", response.header("Content-Type"));
        Element feed = parse(response.body());
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertEquals("en", feed.getAttribute("xml:lang"));
        assertEquals("Community Services Worker (" + occupationId + "): changes", text(feed, "title"));
        Element self = (Element) feed.getElementsByTagNameNS(ATOM, "link").item(0);
        assertEquals("https://careergraph.test/api/feeds/" + occupationId + ".atom", self.getAttribute("href"));
        assertTrue(text(feed, "id").startsWith("urn:uuid:"));

        List<Element> entries = entries(feed);
        assertEquals(3, entries.size(), "the page edit, the status, the score");
        assertEquals("Community Services Worker: score changed", text(entries.get(0), "title"));
        assertTrue(text(entries.get(0), "content").contains("overall score 6.6 -> 6.8"));
        assertEquals("SCORE", ((Element) entries.get(0).getElementsByTagNameNS(ATOM, "category").item(0))
                .getAttribute("term"));
        assertEquals("Community Services Worker: immigration status changed", text(entries.get(1), "title"));
        assertEquals("Community Services Worker (" + occupationId + "): NZ immigration status: Green List Tier 2 -> "
                + "Tier 1 from 2026-12-01 (source: Immigration NZ Operational Manual, Appendix 13 (Green List), "
                + "amendment circular 2026/11)", text(entries.get(1), "content"));
        Instant newest = Instant.parse(text(entries.get(0), "updated"));
        assertEquals(newest, Instant.parse(text(feed, "updated")));
        assertTrue(!newest.isBefore(Instant.parse(text(entries.get(1), "updated"))));

        Element zh = parse(http.toBlocking().retrieve(HttpRequest.GET(feed(occupationId) + "?lang=zh")));
        assertEquals("zh-Hant", zh.getAttribute("xml:lang"));
        assertEquals("社區服務工作者：移民狀態變更", text(entries(zh).get(1), "title"));
        assertTrue(text(entries(zh).get(1), "content").contains("綠名單第二級 -> 第一級"));
        assertEquals(text(entries.get(1), "id"), text(entries(zh).get(1), "id"), "one entry, two languages");
    }

    @Test
    void aFeedReaderAskingAgainGetsNotModifiedUntilSomethingChanges() {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        String etag = http.toBlocking().exchange(HttpRequest.GET(feed(occupationId)), String.class).header("ETag");

        HttpResponse<String> again = http.toBlocking().exchange(HttpRequest.GET(feed(occupationId))
                .header("If-None-Match", etag), String.class);
        assertEquals(HttpStatus.NOT_MODIFIED, again.status());
        assertEquals(HttpStatus.NOT_MODIFIED, http.toBlocking().exchange(HttpRequest.GET(feed(occupationId))
                .header("If-None-Match", "\"other\", W/" + etag), String.class).status(), "weak, in a list");

        occupations().awaitHandled(occupations().publish(EventType.SCORE_CHANGED, code));
        HttpResponse<String> changed = http.toBlocking().exchange(HttpRequest.GET(feed(occupationId))
                .header("If-None-Match", etag), String.class);
        assertEquals(HttpStatus.OK, changed.status());
        assertTrue(!etag.equals(changed.header("ETag")));
    }

    @Test
    void anUnknownOccupationAnotherSuffixOrLanguageIsAProblem() {
        assertProblem(HttpStatus.NOT_FOUND, feed("anzsco-000001"));
        assertProblem(HttpStatus.NOT_FOUND, "/api/feeds/" + occupations().announce(TestOccupations.uniqueCode()) + ".rss");
        assertProblem(HttpStatus.BAD_REQUEST, feed(occupations().announce(TestOccupations.uniqueCode())) + "?lang=fr");
    }

    private void assertProblem(HttpStatus status, String uri) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(uri)));
        assertEquals(status, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    private static String feed(String occupationId) {
        return "/api/feeds/" + occupationId + ".atom";
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    private static List<Element> entries(Element feed) {
        NodeList nodes = feed.getElementsByTagNameNS(ATOM, "entry");
        List<Element> entries = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            entries.add((Element) nodes.item(i));
        }
        return entries;
    }

    /** The text of the element's own child of that name (not of a nested entry's). */
    private static String text(Element parent, String name) {
        for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())) {
                return element.getTextContent();
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }
}
