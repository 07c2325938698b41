package org.schooltrust.smp.school;

public enum SchoolStatus {
    OPEN,
    CLOSED
}
