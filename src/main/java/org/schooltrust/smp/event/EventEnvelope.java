package org.schooltrust.smp.event;

import java.time.Instant;

/**
 * The body of an event as webhooks carry it (Standard Webhooks: {@code {type, timestamp, data}}), built once, when the
 * event is written ({@code events.payload}), and sent as is to every endpoint (issue 22).
 */
public final class EventEnvelope {

    private EventEnvelope() {}

    /** {@code type} is a wire name of the catalog and {@code data} is JSON: neither needs escaping here. */
    public static String of(String type, Instant at, String data) {
        if (!type.matches("[a-z_.]+")) {
            throw new IllegalArgumentException("not a wire name: " + type);
        }
        return "{\"type\":\"" + type + "\",\"timestamp\":\"" + at + "\",\"data\":" + data + "}";
    }
}
