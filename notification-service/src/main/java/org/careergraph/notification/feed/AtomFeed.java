package org.careergraph.notification.feed;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.careergraph.events.EventType;
import org.careergraph.notification.notice.NoticeKind;
import org.careergraph.notification.occupation.Occupation;

/** Writes an occupation's changes as an Atom 1.0 feed (RFC 4287), in English or Traditional Chinese. Pure. */
final class AtomFeed {

    enum Language {
        EN("en"), ZH("zh-Hant");

        final String tag;

        Language(String tag) {
            this.tag = tag;
        }
    }

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** Characters XML 1.0 does not allow, which free text might still hold. */
    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    private static final Map<String, String[]> TITLES = Map.of(
            EventType.OCCUPATION_CHANGED.type(), new String[] {"career page changed", "職業頁面更新"},
            EventType.IMMIGRATION_STATUS_CHANGED.type(), new String[] {"immigration status changed", "移民狀態變更"},
            EventType.POLICY_UPDATED.type(), new String[] {"policy update", "政策更新"},
            EventType.SCORE_CHANGED.type(), new String[] {"score changed", "評分變更"});
    /** A release's change told together with the score change it caused. */
    private static final String[] RELEASE_AND_SCORE = {"career page and score changed", "職業頁面與評分更新"};

    private AtomFeed() {
    }

    static String write(Occupation occupation, List<FeedEntry> entries, Language language, String selfUrl) {
        boolean en = language == Language.EN;
        String name = en ? occupation.titleEn() : occupation.titleZh();
        Instant updated = entries.isEmpty() ? occupation.updatedAt() : entries.get(0).occurredAt();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", language.tag);
            element(xml, "id", "urn:uuid:" + uuid("feed:" + occupation.id()));
            element(xml, "title", name + " (" + occupation.id() + ")" + (en ? ": changes" : "：變更"));
            element(xml, "updated", time(updated));
            xml.writeEmptyElement("link");
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/atom+xml");
            xml.writeAttribute("href", selfUrl);
            xml.writeStartElement("author");
            element(xml, "name", "Career Graph");
            xml.writeEndElement();
            for (FeedEntry entry : entries) {
                xml.writeStartElement("entry");
                element(xml, "id", "urn:uuid:" + uuid("notice:" + entry.eventId() + ":" + occupation.id()));
                String[] title = entry.eventType().equals(EventType.OCCUPATION_CHANGED.type())
                        && entry.kinds().contains(NoticeKind.SCORE) ? RELEASE_AND_SCORE
                        : TITLES.getOrDefault(entry.eventType(), new String[] {"changed", "變更"});
                element(xml, "title", name + (en ? ": " + title[0] : "：" + title[1]));
                element(xml, "published", time(entry.occurredAt()));
                element(xml, "updated", time(entry.occurredAt()));
                for (NoticeKind kind : entry.kinds()) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", kind.name());
                }
                xml.writeStartElement("content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(clean(en ? entry.message().en() : entry.message().zh()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    /** Stable: the same feed and entry keep their ids across requests and instances. */
    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static String clean(String text) {
        return NOT_XML.matcher(text).replaceAll("");
    }
}
