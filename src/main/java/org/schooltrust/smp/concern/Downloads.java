package org.schooltrust.smp.concern;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Evidence as a download: an attachment the browser never renders or sniffs. */
final class Downloads {

    private Downloads() {}

    static Response of(ConcernStore.Content content) {
        String ascii = content.fileName().replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded =
                URLEncoder.encode(content.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(content.bytes(), content.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }
}
