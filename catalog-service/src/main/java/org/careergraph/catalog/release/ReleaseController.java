package org.careergraph.catalog.release;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.careergraph.catalog.ImportPool;
import org.careergraph.catalog.release.ParsedRelease.ReleaseFile;
import org.careergraph.catalog.release.ReleaseStore.StoredRelease;
import org.careergraph.platform.web.Problem.FieldError;
import org.careergraph.platform.web.ProblemException;
import org.careergraph.security.Roles;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Official releases: which ones the catalog holds and their attribution (anyone), importing one (admins: a multipart
 * upload of the publisher's files), and following an import and the trail of all of them (admins and editors).
 */
@Controller("/api/releases")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReleaseController {

    private final ReleaseImports imports;
    private final ReleaseStore store;
    private final ImportPool pool;
    private final long fileLimit;

    ReleaseController(ReleaseImports imports, ReleaseStore store, ImportPool pool,
                      @Value("${careergraph.catalog.release-file-limit:32MB}") @ReadableBytes long fileLimit) {
        this.imports = imports;
        this.store = store;
        this.pool = pool;
        this.fileLimit = fileLimit;
    }

    /** A release the catalog holds, whether it is the one in force, and the attribution its data needs. */
    @Serdeable
    record HeldRelease(String series, String title, String release, LocalDate releasedOn, boolean inForce,
                       String publisher, String licence, String attribution, List<ReleaseFile> files,
                       int records) {
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<HeldRelease> list() {
        List<StoredRelease> all = store.all();
        Map<Series, StoredRelease> inForce = ReleaseStore.inForce(all);
        return all.stream().map(r -> new HeldRelease(r.series().name(), r.series().title(), r.label(),
                r.releasedOn(), inForce.get(r.series()).id().equals(r.id()), r.series().publisher(),
                r.series().licence(), r.series().attribution(r.label()), r.files(), r.records())).toList();
    }

    /**
     * Imports a release: form fields {@code series} (ONET, OEWS, PROJECTIONS, CROSSWALK, ANZSCO, LLM_EXPOSURE,
     * AI_APPLICABILITY, ZH_TITLES), optional {@code release} and {@code releasedOn}, and the publisher's files as
     * file parts. The files are read and checked before the answer; 202 with the import to follow.
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured(Roles.ADMIN)
    HttpResponse<ReleaseImports.View> importRelease(@Body MultipartBody body, Authentication admin) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        LinkedList<CompletedPart> unread = new LinkedList<>(parts(body));
        try {
            read(unread, fields, files);
        } finally {
            // A file not read (the upload was refused on an earlier one) still holds its buffer or temporary file.
            unread.forEach(part -> {
                if (part instanceof CompletedFileUpload file) {
                    file.discard();
                }
            });
        }
        Series series = Series.parse(fields.get("series")).orElseThrow(() -> ProblemException.invalidField("series",
                "must be one of " + List.of(Series.values())));
        // Reading and checking megabytes of rows is an import's work: on the import pool (429 when it is full).
        ParsedRelease release = pool.run(() -> {
            try {
                return ReleaseReaders.read(series, files, fields.get("release"), fields.get("releasedOn"));
            } catch (ReleaseFileException e) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "The release files cannot be imported;"
                        + " nothing was stored.", e.errors());
            }
        });
        ReleaseImports.View view = imports.submit(List.of(release), admin.getName());
        return HttpResponse.accepted(URI.create("/api/releases/imports/" + view.entry().id())).body(view);
    }

    @Get("/imports")
    @Secured({Roles.ADMIN, Roles.EDITOR})
    List<ImportLog.Entry> trail() {
        return imports.latest(100);
    }

    @Get("/imports/{id}")
    @Secured({Roles.ADMIN, Roles.EDITOR})
    ReleaseImports.View importOf(@PathVariable String id) {
        return imports.find(id).orElseThrow(() -> ProblemException.notFound("No release import " + id + "."));
    }

    /** The form's fields and files; a file over the limit, or two of one name, refuse the whole upload. */
    private void read(LinkedList<CompletedPart> unread, Map<String, String> fields, Map<String, byte[]> files) {
        while (!unread.isEmpty()) {
            CompletedPart part = unread.peek();
            try {
                if (part instanceof CompletedFileUpload file) {
                    if (file.getSize() > fileLimit) {
                        throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "A release file may be at"
                                + " most " + fileLimit + " bytes; nothing was stored.", List.of(new FieldError(
                                file.getFilename(), "is " + file.getSize() + " bytes")));
                    }
                    byte[] bytes = file.getBytes(); // reads and releases it
                    unread.remove();
                    if (files.put(file.getFilename(), bytes) != null) {
                        throw ProblemException.invalidField("files", "name '" + file.getFilename() + "' twice");
                    }
                } else {
                    unread.remove();
                    fields.put(part.getName(), new String(part.getBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every part of the form, once the upload is complete (this runs on a blocking thread, not the event loop). */
    private static List<CompletedPart> parts(MultipartBody body) {
        CompletableFuture<List<CompletedPart>> done = new CompletableFuture<>();
        List<CompletedPart> parts = new ArrayList<>();
        try {
            body.subscribe(new Subscriber<>() {
                @Override
                public void onSubscribe(Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(CompletedPart part) {
                    parts.add(part);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }

                @Override
                public void onComplete() {
                    done.complete(parts);
                }
            });
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw unreadable(e.getCause());
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    /** Why the multipart decoder stopped, as the caller's problem; our own refusals (a file too large) as they are. */
    private static RuntimeException unreadable(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof UnsupportedCharsetException || e instanceof IllegalCharsetNameException) {
                return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "A part of the upload names a charset"
                        + " this server does not know; send its fields as UTF-8. Nothing was stored.", List.of());
            }
        }
        if (failure instanceof HttpPostRequestDecoder.ErrorDataDecoderException || !(failure instanceof RuntimeException)) {
            return new ProblemException(HttpStatus.BAD_REQUEST, "The upload could not be read as multipart/form-data;"
                    + " nothing was stored.", List.of());
        }
        return (RuntimeException) failure;
    }
}
