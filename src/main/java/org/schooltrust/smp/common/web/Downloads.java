package org.schooltrust.smp.common.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A file as a download: an attachment the browser never renders or sniffs, and no cache keeps. */
public final class Downloads {

    private Downloads() {}

    /**
     * A body written as it is read ({@code size} known: sent as {@code Content-Length}, or -1 for chunked transfer):
     * the heap holds what the stream holds, never the whole file.
     */
    public static Response attachment(StreamingOutput body, long size, String mediaType, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        Response.ResponseBuilder response = Response.ok(body, mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        if (size >= 0) {
            response.header("Content-Length", size);
        }
        return response.build();
    }
}
