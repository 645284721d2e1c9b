package org.careergraph.notification.feed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import java.util.Locale;
import org.careergraph.notification.PublicUrl;
import org.careergraph.notification.notice.NoticeKind;
import org.careergraph.notification.notice.Notices;
import org.careergraph.notification.occupation.Occupation;
import org.careergraph.notification.occupation.OccupationRepository;
import org.careergraph.platform.web.ProblemException;

/**
 * {@code GET /api/feeds/{occupationId}.atom?lang=en|zh}: the latest changes to one occupation as an Atom feed, for
 * anyone, no subscription needed. The ETag follows the entries listed, so a feed reader that asks again with
 * {@code If-None-Match} gets 304 until something changed. A notice held for its release's score change is listed
 * once it is no longer held, as it is then told.
 */
@Controller("/api/feeds")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class FeedController {

    static final String ATOM = "application/atom+xml;charset=UTF-8";
    private static final String SUFFIX = ".atom";
    private static final int ENTRIES = 50;

    private final OccupationRepository occupations;
    private final Notices notices;
    private final String publicUrl;

    FeedController(OccupationRepository occupations, Notices notices, PublicUrl publicUrl) {
        this.occupations = occupations;
        this.notices = notices;
        this.publicUrl = publicUrl.base();
    }

    @Get("/{file}")
    HttpResponse<String> feed(@PathVariable String file, @QueryValue @Nullable String lang,
                              @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
        if (!file.endsWith(SUFFIX)) {
            throw ProblemException.notFound("Feeds are at /api/feeds/{occupationId}.atom.");
        }
        AtomFeed.Language language = language(lang);
        String occupationId = file.substring(0, file.length() - SUFFIX.length());
        Occupation occupation = occupations.findById(occupationId)
                .orElseThrow(() -> ProblemException.notFound("No occupation " + occupationId + "."));
        List<FeedEntry> entries = entries(occupationId);
        // The sum of the listed ids grows with every entry that joins the list, also one older than the newest (a
        // held notice released later), where the newest id alone would stay the same.
        String etag = "\"" + entries.stream().mapToLong(FeedEntry::id).sum() + "-" + occupation.revision() + "-"
                + language.name().toLowerCase(Locale.ROOT) + "\"";
        if (matches(ifNoneMatch, etag)) {
            return HttpResponse.<String>status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag);
        }
        String self = publicUrl + "/api/feeds/" + occupationId + SUFFIX
                + (language == AtomFeed.Language.EN ? "" : "?lang=zh");
        return HttpResponse.ok(AtomFeed.write(occupation, entries, language, self))
                .contentType(ATOM)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60");
    }

    /** If-None-Match may list several tags, or *, and a weak tag matches too (RFC 9110 weak comparison). */
    private static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static AtomFeed.Language language(@Nullable String lang) {
        if (lang == null || lang.equalsIgnoreCase("en")) {
            return AtomFeed.Language.EN;
        }
        if (lang.equalsIgnoreCase("zh") || lang.equalsIgnoreCase("zh-Hant")) {
            return AtomFeed.Language.ZH;
        }
        throw ProblemException.badParameter("lang", "must be en or zh");
    }

    private List<FeedEntry> entries(String occupationId) {
        return notices.latest(occupationId, ENTRIES).stream().map(told -> new FeedEntry(told.id(), told.eventId(),
                told.eventType(), NoticeKind.of(told.kinds()), told.message(), told.occurredAt())).toList();
    }
}
