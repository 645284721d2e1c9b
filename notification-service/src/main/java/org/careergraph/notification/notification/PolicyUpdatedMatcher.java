package org.careergraph.notification.notification;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.careergraph.events.PolicyUpdated;
import org.careergraph.events.RuleChange;
import org.careergraph.notification.occupation.Occupation;
import org.careergraph.notification.occupation.OccupationRepository;
import org.careergraph.platform.inbox.EventHandler;
import org.careergraph.platform.inbox.ReceivedEvent;

/**
 * A policy update names occupations by classification code, not by id: one notice for each known occupation whose
 * (code system, code) its rule changes name, with the rules that concern it; a Green List change when one of those
 * rules is a Green List rule.
 */
@Singleton
class PolicyUpdatedMatcher implements EventHandler<PolicyUpdated> {

    /** GREEN_LIST_TIER, GREEN_LIST_PAY_THRESHOLD ...: rules of the Green List. */
    private static final String GREEN_LIST = "GREEN_LIST";

    private final OccupationRepository occupations;
    private final NoticeWriter writer;

    PolicyUpdatedMatcher(OccupationRepository occupations, NoticeWriter writer) {
        this.occupations = occupations;
        this.writer = writer;
    }

    @Override
    public void handle(ReceivedEvent<PolicyUpdated> event) {
        PolicyUpdated update = event.payload();
        // Rules about one occupation; settings (a median wage) reach watchers as status changes when they take effect.
        List<RuleChange> aboutOccupations = update.changes().stream().filter(RuleChange::namesOccupation).toList();
        Map<String, List<RuleChange>> rulesByCode = aboutOccupations.stream()
                .collect(Collectors.groupingBy(PolicyUpdatedMatcher::codeKey));
        Map<String, List<String>> codesBySystem = aboutOccupations.stream().collect(Collectors.groupingBy(
                rule -> rule.codeSystem().toUpperCase(Locale.ROOT),
                Collectors.mapping(RuleChange::code, Collectors.toList())));
        List<Notice> notices = new ArrayList<>();
        codesBySystem.forEach((system, codes) -> {
            for (Occupation occupation : occupations.findByCodeSystemAndCodeIn(system, codes)) {
                List<RuleChange> rules = rulesByCode.get(system + ":" + occupation.code());
                boolean greenList = rules.stream().anyMatch(rule -> rule.kind().startsWith(GREEN_LIST));
                notices.add(new Notice(occupation, ChangeMessages.policyUpdated(occupation, update, rules),
                        ChangeKind.POLICY.bit(), update.country(), greenList, update.effectiveFrom()));
            }
        });
        writer.write(event, notices);
    }

    private static String codeKey(RuleChange rule) {
        return rule.codeSystem().toUpperCase(Locale.ROOT) + ":" + rule.code();
    }
}
