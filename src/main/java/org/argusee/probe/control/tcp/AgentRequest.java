package org.argusee.probe.control.tcp;

import java.util.Map;
import org.argusee.tree.control.ServiceType;

/**
 * The original's argus agent protocol ({@code Argus::Agent}): a TCP service to {@code agent_port} (164) that sends
 * the {@code param} (or the type's tail, {@code Agent/uptime}) and the optional {@code arg} on one line, and reads
 * the answer to the end of the connection; the answer is the value, judged as any result.
 */
public final class AgentRequest {

    public static final int DEFAULT_PORT = 164;

    private AgentRequest() {}

    /** @throws IllegalArgumentException when no parameter is named, as the original's "no agent param specified" */
    public static String send(ServiceType type, Map<String, String> params) {
        String param = params.get("param");
        if ((param == null || param.isBlank()) && !type.rest().isEmpty()) {
            param = type.rest().get(0);
        }
        if (param == null || param.isBlank()) {
            throw new IllegalArgumentException("no agent param specified: set 'param' (uptime, load, ...)");
        }
        String arg = params.get("arg");
        return param.strip() + (arg == null ? "" : " " + arg) + "\n";
    }

    /** {@code agent_port}, not {@code port}: the original set the TCP port from it. */
    public static int port(Map<String, String> params) {
        String text = params.get("agent_port");
        if (text == null || text.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException("agent_port must be a whole number from 1 to 65535, not '" + text + "'");
    }
}
