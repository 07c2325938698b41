package org.schooltrust.smp.concern;

/** What a concern is about, with the policy clause that sends it to the Head. Values are stable API constants. */
public enum ConcernCategory {
    /** 6.24: communications, social contact or social media. */
    SOCIAL_CONTACT(false),
    /** 9: cyberbullying of an adult. */
    CYBERBULLYING(false),
    /** 9: trolling of an adult. */
    TROLLING(false),
    /** 7.3, 7.4: inappropriate material or links. */
    INAPPROPRIATE_MATERIAL(false),
    /** 7.1: indecent images; urgent, to the DSL as well; never a file (ADR 0023). */
    INDECENT_IMAGES(true, false),
    /** 10.6: a pupil at risk of radicalisation; urgent, to the DSL as well; never a file (ADR 0023). */
    RADICALISATION(true, false),
    /** A fake school account. */
    IMPERSONATION(false),
    OTHER(false);

    private final boolean urgent;
    private final boolean keepsFiles;

    ConcernCategory(boolean urgent) {
        this(urgent, true);
    }

    ConcernCategory(boolean urgent, boolean keepsFiles) {
        this.urgent = urgent;
        this.keepsFiles = keepsFiles;
    }

    /**
     * Whether evidence files may be kept: never for indecent images of children (copying one is an offence) or
     * terrorist material (reported to the police, never passed on); the report keeps text only (ADR 0023).
     */
    public boolean keepsFiles() {
        return keepsFiles;
    }

    /** Urgent concerns are listed first and go to the school's DSLs as well as its Heads. */
    public boolean urgent() {
        return urgent;
    }
}
