package org.schooltrust.smp.audit;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** The audit trail's settings (README, Configuration); defaults are in application.properties, once. */
@ConfigMapping(prefix = "smp.audit")
public interface AuditConfig {

    /** A caller's identical read of the same record within this window is recorded once. */
    Duration readDedupeWindow();

    /** The checkpoint signing key, base64 (SMP_AUDIT_CHECKPOINT_KEY). */
    Optional<String> checkpointKey();

    /** A file holding it instead (SMP_AUDIT_CHECKPOINT_KEY_FILE). */
    Optional<String> checkpointKeyFile();

    /** How often a checkpoint is signed (SMP_AUDIT_CHECKPOINT_EVERY). */
    Duration checkpointEvery();
}
