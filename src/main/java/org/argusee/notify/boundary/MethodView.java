package org.argusee.notify.boundary;

/**
 * A notification method as the API shows and takes it. {@code headers} (webhook tokens) are write-only: shown only
 * as {@code hasHeaders}. {@code source}: builtin, config (a Method block) or api (a row of argus.notify_method).
 */
public record MethodView(
        String name,
        String kind,
        String command,
        String send,
        String headers,
        boolean hasHeaders,
        String messageFmt,
        Integer qtime,
        Boolean nolotsmsgs,
        Integer timeoutSeconds,
        String source) {}
