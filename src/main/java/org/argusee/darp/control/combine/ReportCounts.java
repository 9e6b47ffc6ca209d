package org.argusee.darp.control.combine;

import java.util.Collection;
import org.argusee.status.control.Severity;

/** Tallies of DARP reports for {@link DarpGravity}; unknown reports count in none of the three. */
record ReportCounts(int up, int down, int override, Severity mildest, Severity worst) {

    static ReportCounts of(Collection<DarpReport> reports) {
        int up = 0;
        int down = 0;
        int override = 0;
        Severity mildest = null;
        Severity worst = null;
        for (DarpReport r : reports) {
            switch (r.state()) {
                case UP -> up++;
                case DOWN -> down++;
                case OVERRIDE -> override++;
                default -> {}
            }
            Severity s = r.severity();
            if (s != null && s != Severity.CLEAR) {
                mildest = mildest == null || mildest.worseThan(s) ? s : mildest;
                worst = worst == null || s.worseThan(worst) ? s : worst;
            }
        }
        return new ReportCounts(up, down, override, mildest, worst);
    }
}
