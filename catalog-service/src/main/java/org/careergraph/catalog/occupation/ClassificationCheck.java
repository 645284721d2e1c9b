package org.careergraph.catalog.occupation;

/**
 * Checks an occupation's code and title against the official classification in force for its code system (ANZSCO
 * for ANZSCO codes, O*NET-SOC for SOC codes), so that a disagreement is found and shown, not silently believed.
 */
public interface ClassificationCheck {

    Finding.Findings findings(Occupation occupation);
}
