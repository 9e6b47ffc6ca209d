package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.argusee.notify.control.Outgoing;

/**
 * HTTP POST of JSON to the method's URL ({@code command}), else to the address ({@code webhook:http://...}). The
 * body is the method's {@code send} template with its % sequences filled in as JSON strings (so Slack's
 * {"text": "%M"}, ntfy, Gotify, Discord's {"content": "%M"} and Teams work), else a generic object with the text,
 * id, object, status, severity and tag. Header lines ("Authorization: Bearer ...") are sent, never logged. Any
 * answer but 2xx fails the delivery (retried).
 */
@ApplicationScoped
public class WebhookTransmitter {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public void send(Outgoing out) throws IOException, InterruptedException {
        String url = out.method().command() != null
                ? out.expand(out.method().command(), "")
                : out.to().address();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.strip()))
                .timeout(Duration.ofSeconds(out.method().timeoutSeconds()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(out)));
        if (out.method().headers() != null) {
            for (String line : out.method().headers().split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    request.header(
                            line.substring(0, colon).strip(),
                            line.substring(colon + 1).strip());
                }
            }
        }
        HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            String text = answer.body() == null ? "" : answer.body();
            throw new IOException("HTTP " + answer.statusCode() + " from the webhook: "
                    + (text.length() > 200 ? text.substring(0, 200) : text));
        }
    }

    static String body(Outgoing out) {
        if (out.method().send() != null) {
            return out.method().send().contains("%")
                    ? jsonTemplate(out)
                    : out.method().send();
        }
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("text", out.text())
                .add("id", out.facts().id())
                .add("object", out.facts().objectName())
                .add("status", out.facts().status())
                .add("severity", out.facts().severity())
                .add("count", out.count())
                .add("tag", out.extra().strip());
        return b.build().toString();
    }

    /** Each % value quoted for JSON: the template's own quotes around it stay as written. */
    private static String jsonTemplate(Outgoing out) {
        String quotedText = Json.createValue(out.text()).toString();
        String inner = quotedText.substring(1, quotedText.length() - 1);
        return out.expand(out.method().send().replace("%M", "\u0000M"), "").replace("\u0000M", inner);
    }
}
