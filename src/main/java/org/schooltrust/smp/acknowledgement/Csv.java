package org.schooltrust.smp.acknowledgement;

import java.util.List;
import org.schooltrust.smp.acknowledgement.ComplianceViews.AdultRow;

/** RFC 4180 CSV of a compliance list, with cells that a spreadsheet would run as formulas neutralised. */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";
    private static final String HEADER =
            "hrId,firstName,lastName,category,status,dueDate,acknowledgedAt,remindersSent,lastRemindedAt\r\n";

    private Csv() {}

    static String of(List<AdultRow> rows) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (AdultRow row : rows) {
            csv.append(cell(row.hrId()))
                    .append(',')
                    .append(cell(row.firstName()))
                    .append(',')
                    .append(cell(row.lastName()))
                    .append(',')
                    .append(cell(row.category()))
                    .append(',')
                    .append(cell(row.status().name()))
                    .append(',')
                    .append(cell(row.dueDate() == null ? "" : row.dueDate().toString()))
                    .append(',')
                    .append(cell(
                            row.acknowledgedAt() == null
                                    ? ""
                                    : row.acknowledgedAt().toString()))
                    .append(',')
                    .append(row.remindersSent())
                    .append(',')
                    .append(cell(
                            row.lastRemindedAt() == null
                                    ? ""
                                    : row.lastRemindedAt().toString()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
