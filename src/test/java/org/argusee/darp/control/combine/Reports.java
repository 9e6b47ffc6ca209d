package org.argusee.darp.control.combine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.argusee.status.control.Severity;

/** Reports written as {@code "m=up s1=down/major s2=override"}; a server left out never reported. */
final class Reports {

    private Reports() {}

    static List<DarpReport> parse(String text) {
        List<DarpReport> reports = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return reports;
        }
        for (String word : text.strip().split("\\s+")) {
            String[] tagAndState = word.split("=", 2);
            String[] stateAndSeverity = tagAndState[1].split("/", 2);
            DarpState state = DarpState.valueOf(stateAndSeverity[0].toUpperCase(Locale.ROOT));
            Severity severity = stateAndSeverity.length > 1
                    ? Severity.fromLabel(stateAndSeverity[1])
                    : state == DarpState.UP ? Severity.CLEAR : null;
            reports.add(new DarpReport(tagAndState[0], state, severity, false));
        }
        return reports;
    }
}
