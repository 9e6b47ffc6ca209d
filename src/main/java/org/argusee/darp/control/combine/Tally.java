package org.argusee.darp.control.combine;

import java.util.List;

/** How many counted reports say what. */
record Tally(int up, int down, int override, int unknown) {

    static Tally of(List<DarpReport> reports) {
        int up = 0;
        int down = 0;
        int override = 0;
        int unknown = 0;
        for (DarpReport r : reports) {
            switch (r.state()) {
                case UP -> up++;
                case DOWN -> down++;
                case OVERRIDE -> override++;
                case UNKNOWN -> unknown++;
            }
        }
        return new Tally(up, down, override, unknown);
    }

    /** Reports that see the object down, overridden or not: what {@code darp_quorum} counts. */
    int failing() {
        return down + override;
    }

    int total() {
        return up + down + override + unknown;
    }

    String describe() {
        return up + " up, " + down + " down, " + override + " override, " + unknown + " unknown";
    }
}
