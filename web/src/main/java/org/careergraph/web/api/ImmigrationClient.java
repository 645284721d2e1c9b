package org.careergraph.web.api;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.web.Urls;

/** The immigration service's API as the pages use it: statuses, announced rules, policy updates and rule kinds. */
@Singleton
public class ImmigrationClient {

    private static final String POLICY_UPDATES = "/api/immigration/policy-updates";

    private final ServiceTransport transport;

    ImmigrationClient(ServiceTransport transport) {
        this.transport = transport;
    }

    /** An occupation's immigration status (404 when it has none). */
    public Answer<ImmigrationStatus> status(String id) {
        return transport.get(Backend.IMMIGRATION, "/api/immigration/occupations/" + Urls.segment(id) + "/status")
                .as(ImmigrationStatus::of);
    }

    /** The rules of a country announced for a later date. */
    public List<UpcomingRule> upcomingRules(String country) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("country", country);
        Object rules = transport.get(Backend.IMMIGRATION, "/api/immigration/rules" + Urls.query(query)).body();
        return Json.objects(Json.object(rules).get("upcoming")).stream().map(UpcomingRule::of).toList();
    }

    /** A page of the policy updates recorded (the audit trail), of one country or (null) all, newest first. */
    public Answer<Listing> policyUpdates(@Nullable String country, int page, int size, String bearer) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("country", country);
        query.put("page", page);
        query.put("size", size);
        return transport.send(Backend.IMMIGRATION, "GET", POLICY_UPDATES + Urls.query(query), null, Map.of(), bearer)
                .as(Listing::of);
    }

    /** What a policy update would do (each occupation whose status moves, before and after); nothing is stored. */
    public Answer<Map<String, Object>> previewPolicyUpdate(Map<String, Object> update, String bearer) {
        return transport.send(Backend.IMMIGRATION, "POST", POLICY_UPDATES + "/preview", update, Map.of(), bearer)
                .as(Json::object);
    }

    /** Records a policy update. */
    public Answer<Void> recordPolicyUpdate(Map<String, Object> update, String bearer) {
        return transport.send(Backend.IMMIGRATION, "POST", POLICY_UPDATES, update, Map.of(), bearer).as(body -> null);
    }

    /** Withdraws a policy update announced for a later date, for a reason (or none). */
    public Answer<Void> withdrawPolicyUpdate(String id, @Nullable String reason, String bearer) {
        Map<String, Object> withdrawal = new LinkedHashMap<>();
        withdrawal.put("reason", reason);
        return transport.send(Backend.IMMIGRATION, "POST", POLICY_UPDATES + "/" + Urls.segment(id) + "/withdrawal",
                withdrawal, Map.of(), bearer).as(body -> null);
    }

    /** The kinds of rule a policy update can change, with what each takes. */
    public List<Object> ruleKinds() {
        return Json.array(transport.get(Backend.IMMIGRATION, "/api/immigration/rule-kinds").body());
    }
}
