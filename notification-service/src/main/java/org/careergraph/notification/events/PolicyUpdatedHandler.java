package org.careergraph.notification.events;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.careergraph.events.PolicyUpdated;
import org.careergraph.events.RuleChange;
import org.careergraph.notification.notice.ChangeMessages;
import org.careergraph.notification.notice.Notice;
import org.careergraph.notification.notice.NoticeKind;
import org.careergraph.notification.notice.Notices;
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
class PolicyUpdatedHandler implements EventHandler<PolicyUpdated> {

    /** GREEN_LIST_TIER, GREEN_LIST_PAY_THRESHOLD ...: rules of the Green List. */
    private static final String GREEN_LIST = "GREEN_LIST";

    private final OccupationRepository occupations;
    private final Notices notices;

    PolicyUpdatedHandler(OccupationRepository occupations, Notices notices) {
        this.occupations = occupations;
        this.notices = notices;
    }

    @Override
    public void handle(ReceivedEvent<PolicyUpdated> event) {
        PolicyUpdated update = event.payload();
        // Rules about one occupation; settings (a median wage) reach watchers as status changes when they take effect.
        List<RuleChange> aboutOccupations = update.changes().stream().filter(RuleChange::namesOccupation).toList();
        Map<String, List<RuleChange>> rulesByCode = aboutOccupations.stream()
                .collect(Collectors.groupingBy(PolicyUpdatedHandler::codeKey));
        Map<String, List<String>> codesBySystem = aboutOccupations.stream().collect(Collectors.groupingBy(
                rule -> rule.codeSystem().toUpperCase(Locale.ROOT),
                Collectors.mapping(RuleChange::code, Collectors.toList())));
        List<Notice> found = new ArrayList<>();
        codesBySystem.forEach((system, codes) -> {
            for (Occupation occupation : occupations.findByCodeSystemAndCodeIn(system, codes)) {
                List<RuleChange> rules = rulesByCode.get(system + ":" + occupation.code());
                boolean greenList = rules.stream().anyMatch(rule -> rule.kind().startsWith(GREEN_LIST));
                found.add(new Notice(occupation, ChangeMessages.policyUpdated(occupation, update, rules),
                        NoticeKind.POLICY.bit(), update.country(), greenList, update.effectiveFrom()));
            }
        });
        notices.write(event, found);
    }

    private static String codeKey(RuleChange rule) {
        return rule.codeSystem().toUpperCase(Locale.ROOT) + ":" + rule.code();
    }
}
