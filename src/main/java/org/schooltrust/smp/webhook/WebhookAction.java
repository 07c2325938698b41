package org.schooltrust.smp.webhook;

import org.schooltrust.smp.audit.Action;

/** Webhook endpoints: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public final class WebhookAction {

    private WebhookAction() {}

    public static final Action ENDPOINT_CREATED = Action.published("webhook-endpoint.created");

    public static final Action ENDPOINT_UPDATED = Action.published("webhook-endpoint.updated");

    public static final Action ENDPOINT_DELETED = Action.published("webhook-endpoint.deleted");

    public static final Action ENDPOINT_SECRET_ROTATED = Action.published("webhook-endpoint.secret-rotated");

    public static final Action ENDPOINT_REDELIVERED = Action.published("webhook-endpoint.redelivered");

    public static final Action ENDPOINT_RECOVERED = Action.published("webhook-endpoint.recovered");

    public static final Action ENDPOINT_DISABLED = Action.published("webhook-endpoint.disabled");
}
