package org.schooltrust.smp.socialaccount;

/** Where an official school account lives. Values are stable API constants. */
public enum Platform {
    X,
    FACEBOOK,
    INSTAGRAM,
    YOUTUBE,
    TIKTOK,
    LINKEDIN,
    BLUESKY,
    THREADS,
    WHATSAPP_CHANNEL,
    OTHER
}
