package org.argusee.live.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.StringReader;
import java.util.List;
import org.argusee.web.control.DashboardRow;

/** The live socket's messages as JSON text (docs/design/80-web.md, "Live"). */
public final class LiveMessages {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    public static final String RESYNC = "{\"type\":\"resync\"}";

    private LiveMessages() {}

    /** A client's message as a JSON object; null if it is not one. */
    public static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    public record Hello(String type, long seq, String epoch) {}

    public record Status(String type, long seq, DashboardRow row) {}

    public record Annotation(String type, long seq, String fullName) {}

    public record Tree(String type, long seq) {}

    public record Peers(String type, long seq) {}

    /**
     * @param objects the objects (the viewer may see) whose notifications were created or acknowledged
     * @param unacked the notifications waiting for an acknowledgement that the viewer may see, all objects
     */
    public record Notification(String type, long seq, List<String> objects, int unacked) {}

    /** @param epoch names this run of the server: numbers from another run mean nothing here */
    public static String hello(long seq, String epoch) {
        return JSON.toJson(new Hello("hello", seq, epoch));
    }

    public static String status(long seq, DashboardRow row) {
        return JSON.toJson(new Status("status", seq, row));
    }

    public static String annotation(long seq, String fullName) {
        return JSON.toJson(new Annotation("annotation", seq, fullName));
    }

    public static String notification(long seq, List<String> objects, int unacked) {
        return JSON.toJson(new Notification("notification", seq, objects, unacked));
    }

    public static String tree(long seq) {
        return JSON.toJson(new Tree("tree", seq));
    }

    /** DARP peers or their links changed: the peers page refetches them. */
    public static String peers(long seq) {
        return JSON.toJson(new Peers("peers", seq));
    }
}
