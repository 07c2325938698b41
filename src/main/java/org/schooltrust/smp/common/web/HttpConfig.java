package org.schooltrust.smp.common.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/**
 * The service's own HTTP limits, enforced by the first filter with problem+json (issue 22, item 7; README,
 * Configuration); the HTTP decoder's limits are set higher. Defaults are in application.properties, once.
 */
@ConfigMapping(prefix = "smp.http")
public interface HttpConfig {

    /** The longest request target (path and query). */
    int maxUriLength();

    /** All request headers together. */
    MemorySize maxHeaderSize();

    /** The largest multipart upload (one evidence file of at most 10 MB and its envelope; SMP_HTTP_MAX_UPLOAD_SIZE). */
    MemorySize maxUploadSize();

    /** Uploads streamed at once per replica (SMP_HTTP_MAX_CONCURRENT_UPLOADS). */
    int maxConcurrentUploads();
}
