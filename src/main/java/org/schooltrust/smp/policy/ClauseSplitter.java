package org.schooltrust.smp.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a policy's text into its numbered clauses. Sections are lines like {@code 6. Responsibilities …} (the period
 * is optional); clauses are paragraphs starting {@code 6.7} or {@code 6.7.}. Numbers must follow on from the previous
 * ones, so a wrapped line that happens to start with a number is not taken for a new clause. A clause's text runs to
 * the next clause or section, with line breaks and runs of spaces collapsed; unnumbered passages (such as section 4's
 * lists) stay in the body only.
 */
public final class ClauseSplitter {

    private static final Pattern CLAUSE = Pattern.compile("^\\s*(\\d{1,2})\\.(\\d{1,2})\\.?\\s+(.*)$");
    private static final Pattern SECTION = Pattern.compile("^\\s*(\\d{1,2})\\.?\\s+(\\p{Lu}.*)$");

    private ClauseSplitter() {}

    public static List<Clause> split(String body) {
        List<Clause> clauses = new ArrayList<>();
        int section = 0;
        String heading = null;
        int lastMinor = 0;
        String number = null;
        StringBuilder text = null;
        for (String line : body.split("\\R")) {
            Matcher clause = CLAUSE.matcher(line);
            Matcher sectionLine = SECTION.matcher(line);
            if (clause.matches()
                    && Integer.parseInt(clause.group(1)) == section
                    && Integer.parseInt(clause.group(2)) == lastMinor + 1) {
                flush(clauses, number, heading, text);
                lastMinor++;
                number = section + "." + lastMinor;
                text = new StringBuilder(clause.group(3));
            } else if (sectionLine.matches() && Integer.parseInt(sectionLine.group(1)) == section + 1) {
                flush(clauses, number, heading, text);
                section++;
                lastMinor = 0;
                heading = sectionLine.group(2).strip();
                number = null;
                text = null;
            } else if (text != null) {
                text.append(' ').append(line);
            }
        }
        flush(clauses, number, heading, text);
        return clauses;
    }

    private static void flush(List<Clause> clauses, String number, String heading, StringBuilder text) {
        if (number != null) {
            clauses.add(new Clause(number, heading, text.toString().strip().replaceAll("\\s+", " ")));
        }
    }
}
