package org.schooltrust.smp.retention;

import java.time.Period;

/**
 * A class of record with one retention rule (ADR 0019), and the shortest period any Trust may set for it (issue 24): a
 * statutory or IRMS minimum, so that one administrator cannot shorten a period and destroy what the law or the sector's
 * guidance says must be kept. Migration V19 holds the same floors in {@code retention_floor()} and refuses a shorter
 * period from any writer; {@code RetentionFloorsTest} keeps the two equal. Values are stable API constants.
 */
public enum RecordClass {
    POLICY_VERSION("P3Y", "IRMS Toolkit for Academies: policies, life of the policy + 3 years"),
    ACKNOWLEDGEMENT("P6Y", "IRMS Toolkit: staff personnel file, termination + 6 years (Limitation Act 1980 s.5)"),
    NIL_RETURN("P6Y", "IRMS Toolkit: staff personnel file, termination + 6 years (Limitation Act 1980 s.5)"),
    FAMILY_DECLARATION("P6Y", "IRMS Toolkit: staff personnel file, termination + 6 years (Limitation Act 1980 s.5)"),
    /** Not a record: the pupil's display name on a declaration, erased sooner than the declaration. */
    DECLARATION_PUPIL_NAME("P1D", "none: kept only as long as needed (UK GDPR Art. 5(1)(e)); at least a day"),
    CONCERN("P6Y", "IRMS Toolkit: allegations not child protection, + 6 years"),
    /** Concerns of child-protection categories (INDECENT_IMAGES, RADICALISATION): kept the longest. */
    CONCERN_CHILD_PROTECTION(
            "P25Y", "IRMS Toolkit and KCSIE: child protection records, + 25 years; an inquiry may order longer"),
    REMINDER("P1M", "Operational record: a month, so a disputed reminder can be shown"),
    AUDIT_EVENT("P7Y", "The Trust's audit standard: 7 years (HMRC/Companies Act records + 1)"),
    /** Webhook deliveries and their attempts: their payloads carry identifiers of staff and pupils. */
    WEBHOOK_DELIVERY("P7D", "Operational record: a week, so a failed delivery can be looked into and recovered");

    private final Period floor;
    private final String floorSource;

    RecordClass(String floor, String floorSource) {
        this.floor = Period.parse(floor);
        this.floorSource = floorSource;
    }

    /** The shortest period a Trust may set for this class. */
    public Period floor() {
        return floor;
    }

    /** Where the floor comes from. */
    public String floorSource() {
        return floorSource;
    }
}
