package org.schooltrust.smp.permission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an express permission stands on a day (clause 6.5). Values are stable API constants. */
@Schema(
        name = "PermissionStatus",
        enumeration = {"ACTIVE", "NOT_YET_VALID", "EXPIRED", "REVOKED"})
public enum PermissionStatus {
    ACTIVE,
    NOT_YET_VALID,
    EXPIRED,
    REVOKED
}
