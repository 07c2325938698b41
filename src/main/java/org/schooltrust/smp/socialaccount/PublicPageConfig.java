package org.schooltrust.smp.socialaccount;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The public pages' settings (README, Configuration; issue 28). */
@ConfigMapping(prefix = "smp.public-page")
public interface PublicPageConfig {

    /** The Trust's name in the pages' header and titles (SMP_PUBLIC_PAGE_TRUST_NAME). */
    @WithDefault("Our Trust")
    String trustName();

    /** Page requests a second per client address, after the burst (per replica; SMP_PUBLIC_PAGE_RATE). */
    @WithDefault("2")
    double rate();

    /** Page requests one client address may make at once (SMP_PUBLIC_PAGE_BURST). */
    @WithDefault("60")
    int burst();

    /** How long a CDN or browser may keep a page, in seconds (SMP_PUBLIC_PAGE_MAX_AGE). */
    @WithDefault("300")
    int maxAge();
}
