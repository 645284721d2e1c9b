package org.careergraph.immigration.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as people read them. */
final class Money {

    private Money() {
    }

    static BigDecimal times(BigDecimal median, BigDecimal multiple) {
        return median.multiply(multiple).setScale(2, RoundingMode.HALF_UP);
    }

    static String hourlyEn(BigDecimal amount) {
        return "NZD " + format(amount, "#,##0.00") + "/h";
    }

    static String hourlyZh(BigDecimal amount) {
        return "每小時 NZD " + format(amount, "#,##0.00");
    }

    static String annualEn(BigDecimal amount, String currency) {
        return currency + " " + format(amount, "#,##0.##") + " a year";
    }

    static String annualZh(BigDecimal amount, String currency) {
        return "年薪 " + currency + " " + format(amount, "#,##0.##");
    }

    static String whole(BigDecimal amount) {
        return format(amount, "#,##0.##");
    }

    static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String format(BigDecimal amount, String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }
}
