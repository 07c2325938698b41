package org.schooltrust.smp.reminder;

import java.time.LocalDate;
import java.util.Set;

/** What was already sent of one kind about one subject to one recipient: how many, the last day, which stages. */
public record SendHistory(int count, LocalDate lastSentOn, Set<String> stages) {

    public static final SendHistory NONE = new SendHistory(0, null, Set.of());

    public SendHistory {
        stages = Set.copyOf(stages);
    }
}
