package org.careergraph.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What the rules in force mean for one occupation in one country, measured at its mid-level pay. Every field is null
 * where it does not apply (New Zealand fields for a US status and the reverse) or cannot be known (a Boolean is null
 * when the answer depends on something the page does not say, such as the skill level). Fields after
 * {@code greenListTier} were added within v1.
 *
 * @param greenListTier       1 (Straight to Residence), 2 (Work to Residence) or null (not on the Green List)
 * @param greenListPayMet     the mid-level pay meets the Green List pay threshold for the role
 * @param smcEligible         the mid-level pay meets the Skilled Migrant Category wage rule for the skill level
 * @param smcIncomePoints     SMC points the mid-level pay earns in the income category (0, 3, 4 or 6)
 * @param aewvEligible        the mid-level pay meets the AEWV wage rule
 * @param highlyPaidResidence the mid-level pay opens the highly paid Work to Residence route (2x the median)
 * @param usRoutes            the US routes open to the occupation (H1B, EB2, PERM)
 * @param h1bSelectionEntries entries an H-1B registration at the mid-level pay gets in the weighted selection
 * @param medianWage          the country's median wage a year, as the rules in force set it (New Zealand: the
 *                            residence median an hour x standard weekly hours x 52; US: the recorded median annual
 *                            wage): what pay is read against
 * @param usRoutesUnknown     the US routes whose opening cannot be told (H1B, EB2 when neither BLS's typical entry
 *                            education nor an O*NET job zone is published for the occupation), so that a route
 *                            missing from {@code usRoutes} is known to be closed; null when there are none
 */
@Serdeable
public record ImmigrationStatus(
        @Nullable Integer greenListTier,
        @Nullable Boolean greenListPayMet,
        @Nullable Boolean smcEligible,
        @Nullable Integer smcIncomePoints,
        @Nullable Boolean aewvEligible,
        @Nullable Boolean highlyPaidResidence,
        @Nullable List<String> usRoutes,
        @Nullable Integer h1bSelectionEntries,
        @Nullable MedianWage medianWage,
        @Nullable List<String> usRoutesUnknown) {

    /** Before anything was known: every field null. */
    public static final ImmigrationStatus NONE = new ImmigrationStatus(null);

    /** A status that says only the Green List tier (as events before the full rule model did). */
    public ImmigrationStatus(@Nullable Integer greenListTier) {
        this(greenListTier, null, null, null, null, null, null, null, null);
    }

    /** A status without routes whose opening cannot be told (as events before {@code usRoutesUnknown} were). */
    public ImmigrationStatus(@Nullable Integer greenListTier, @Nullable Boolean greenListPayMet,
                             @Nullable Boolean smcEligible, @Nullable Integer smcIncomePoints,
                             @Nullable Boolean aewvEligible, @Nullable Boolean highlyPaidResidence,
                             @Nullable List<String> usRoutes, @Nullable Integer h1bSelectionEntries,
                             @Nullable MedianWage medianWage) {
        this(greenListTier, greenListPayMet, smcEligible, smcIncomePoints, aewvEligible, highlyPaidResidence, usRoutes,
                h1bSelectionEntries, medianWage, null);
    }

    /** An amount a year in a currency; in cents, so that one read back from JSON equals the one written. */
    @Serdeable
    public record MedianWage(BigDecimal perYear, String currency) {

        public MedianWage {
            perYear = perYear.setScale(2, RoundingMode.HALF_UP);
        }
    }
}
