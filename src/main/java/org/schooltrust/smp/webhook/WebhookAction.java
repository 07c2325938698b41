package org.schooltrust.smp.webhook;

import org.schooltrust.smp.audit.Action;

/** Webhook endpoints: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public enum WebhookAction implements Action {
    ENDPOINT_CREATED("webhook-endpoint.created", null),
    ENDPOINT_UPDATED("webhook-endpoint.updated", null),
    ENDPOINT_DELETED("webhook-endpoint.deleted", null),
    ENDPOINT_SECRET_ROTATED("webhook-endpoint.secret-rotated", null),
    ENDPOINT_REDELIVERED("webhook-endpoint.redelivered", null),
    ENDPOINT_RECOVERED("webhook-endpoint.recovered", null),
    ENDPOINT_DISABLED("webhook-endpoint.disabled", null);

    private final String code;
    private final String notPublishedBecause;

    WebhookAction(String code, String notPublishedBecause) {
        this.code = code;
        this.notPublishedBecause = notPublishedBecause;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String notPublishedBecause() {
        return notPublishedBecause;
    }
}
