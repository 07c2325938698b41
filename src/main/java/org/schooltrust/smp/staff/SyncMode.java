package org.schooltrust.smp.staff;

/** {@code partial}: upsert the listed adults only. {@code full}: also deactivate HR adults the batch does not list. */
public enum SyncMode {
    partial,
    full
}
