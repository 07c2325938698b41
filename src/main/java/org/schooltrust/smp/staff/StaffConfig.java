package org.schooltrust.smp.staff;

import io.smallrye.config.ConfigMapping;

/** The staff register's settings (README, Configuration); defaults are in application.properties, once. */
@ConfigMapping(prefix = "smp.staff")
public interface StaffConfig {

    /** Days a Head still sees an adult whose assignment at their school has ended (SMP_STAFF_LEAVER_GRACE_DAYS). */
    int leaverGraceDays();
}
