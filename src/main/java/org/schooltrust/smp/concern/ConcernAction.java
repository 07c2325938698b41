package org.schooltrust.smp.concern;

/** What a Head or DSL did about a concern. Values are stable API constants. */
public enum ConcernAction {
    ADVICE_GIVEN,
    REFERRED_TO_SAFEGUARDING,
    REFERRED_TO_LADO,
    REFERRED_TO_POLICE,
    REFERRED_TO_CHANNEL_PREVENT,
    REPORTED_TO_PLATFORM,
    NO_FURTHER_ACTION
}
