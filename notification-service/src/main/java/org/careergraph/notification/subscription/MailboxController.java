package org.careergraph.notification.subscription;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import org.careergraph.notification.delivery.Html;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The links in the mails: confirm a subscription (double opt-in) and unsubscribe. A GET only shows a page with a
 * button, because mail scanners open links: only the POST acts. The unsubscribe POST is also the one-click
 * unsubscribe of RFC 8058 that mail clients send for {@code List-Unsubscribe-Post} (body
 * {@code List-Unsubscribe=One-Click}, which needs no reading: the link's token is what counts).
 */
@Controller("/api/subscriptions/{id}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class MailboxController {

    private final Subscriptions subscriptions;

    MailboxController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Get("/confirm")
    @Produces(MediaType.TEXT_HTML)
    String confirmPage(@PathVariable String id, @QueryValue @Nullable String token) {
        subscriptions.checkMailboxLink(id, token);
        return page("Confirm your subscription / 確認訂閱",
                "Send alerts about the occupations you chose to this address? / 將您選擇的職業的變更通知寄到此信箱？",
                action(id, "confirm", token), "Confirm / 確認");
    }

    @Post("/confirm")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN})
    @Produces(MediaType.TEXT_HTML)
    String confirm(@PathVariable String id, @QueryValue @Nullable String token) {
        subscriptions.confirm(id, token);
        return page("Subscription confirmed / 訂閱已確認",
                "You will be told when a watched occupation changes. / 您關注的職業有變更時會通知您。", null, null);
    }

    @Get("/unsubscribe")
    @Produces(MediaType.TEXT_HTML)
    String unsubscribePage(@PathVariable String id, @QueryValue @Nullable String token) {
        subscriptions.checkMailboxLink(id, token);
        return page("Unsubscribe / 取消訂閱", "Stop these alerts? / 停止這些通知？", action(id, "unsubscribe", token),
                "Unsubscribe / 取消訂閱");
    }

    @Post("/unsubscribe")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN})
    @Produces(MediaType.TEXT_HTML)
    String unsubscribe(@PathVariable String id, @QueryValue @Nullable String token) {
        subscriptions.unsubscribe(id, token);
        return page("Unsubscribed / 已取消訂閱", "You will get no more alerts from this subscription. / 此訂閱不會再寄送通知。",
                null, null);
    }

    private static String action(String id, String what, @Nullable String token) {
        return "/api/subscriptions/" + id + "/" + what + "?token=" + (token == null ? "" : token);
    }

    private static String page(String title, String text, @Nullable String action, @Nullable String button) {
        String form = action == null ? "" : "<form method=\"post\" action=\"" + Html.escape(action) + "\">"
                + "<button type=\"submit\">" + Html.escape(button) + "</button></form>";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + Html.escape(title)
                + "</title></head><body><main><h1>" + Html.escape(title) + "</h1><p>" + Html.escape(text) + "</p>"
                + form + "</main></body></html>";
    }
}
