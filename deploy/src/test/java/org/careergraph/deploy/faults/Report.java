package org.careergraph.deploy.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.careergraph.deploy.faults.Api.Outcome;
import org.careergraph.deploy.faults.FaultInjectionIT.Form;

/** The suite's result as the Markdown table docs/reliability.md keeps. */
final class Report {

    private Report() {
    }

    static String table(Form form, long seed, Workload workload, Chaos chaos, EndState.Alerts alerts,
                        Map<String, List<String>> checks, Duration workloadTook, Duration toConverge) {
        StringBuilder md = new StringBuilder();
        md.append("Fault injection, ").append(form.name()).append(" form (seed ").append(seed).append("): ")
                .append(workload.occupations.size()).append(" watched occupations, workload ")
                .append(workloadTook.toSeconds()).append(" s; kills: ")
                .append(chaos.kills().get(Chaos.Target.REPLICA)).append(" of service replicas (")
                .append(chaos.replicaKills().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append("), broker ").append(chaos.kills().get(Chaos.Target.BROKER))
                .append(", database ").append(chaos.kills().get(Chaos.Target.DATABASE)).append("\n\n");

        md.append("| operations | acknowledged | refused | not sent | unknown |\n|---|---:|---:|---:|---:|\n");
        workload.tally.forEach((kind, outcomes) -> md.append("| ").append(kind.name().toLowerCase().replace('_', ' '))
                .append(" | ").append(outcomes.getOrDefault(Outcome.ACKED, 0))
                .append(" | ").append(outcomes.getOrDefault(Outcome.REFUSED, 0))
                .append(" | ").append(outcomes.getOrDefault(Outcome.NOT_SENT, 0))
                .append(" | ").append(outcomes.getOrDefault(Outcome.UNKNOWN, 0)).append(" |\n"));
        md.append("| **all** | ").append(workload.operations()).append(" | | | |\n\n");

        md.append("| alerts expected | lost | duplicated at the receiver | sent more than once | out of order per occupation |\n")
                .append("|---:|---:|---:|---:|---:|\n")
                .append("| ").append(alerts.expected()).append(" | ").append(alerts.lost()).append(" | ")
                .append(alerts.duplicatedAtReceiver()).append(" | ").append(alerts.sentMoreThanOnce()).append(" | ")
                .append(alerts.outOfOrder()).append(" |\n\n");

        boolean converged = checks.values().stream().allMatch(List::isEmpty);
        md.append("| check | converged | found |\n|---|---|---|\n");
        checks.forEach((check, problems) -> md.append("| ").append(check).append(" | ")
                .append(problems.isEmpty() ? "yes" : "**no**").append(" | ")
                .append(problems.isEmpty() ? "" : problems.size() + ": " + String.join("; ",
                        problems.stream().limit(3).toList()).replace("|", "/")).append(" |\n"));
        md.append("\n").append(converged ? "Converged" : "**Not converged**").append(" ")
                .append(toConverge.toSeconds()).append(" s after the last restart.\n");
        return md.toString();
    }
}
