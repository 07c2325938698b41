package org.schooltrust.smp.common.error;

/**
 * A path whose readers are not API clients and get errors in their own form (ADR 0025): a feature provides one as a
 * bean, and {@link ProblemWriter} renders every error under its path with it, whichever layer refused the request. The
 * SCIM adapter's is {@link ScimDialect}; the public pages' is an HTML page.
 */
public interface ProblemDialect {

    /** Whether requests to this path are this dialect's. */
    boolean covers(String path);

    /** The error as this path's readers read it. */
    ProblemWriter.Rendered render(Problem problem);
}
