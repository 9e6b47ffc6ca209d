package org.argusee.status.control.evaluation;

import java.util.Locale;

/**
 * The operations a {@code calc} parameter asks for. As in the original each is found as a word anywhere in the
 * value ("ave-rate-bits", "rate, ave", "ave rate" all mean the same) and they always run in one order:
 * md5, one, elapsed, rate or delta, ave or jitter, bits, then inet or the significant-figures tidying.
 * Words it does not know are ignored, as the original does.
 */
record CalcSpec(
        boolean md5,
        boolean one,
        boolean elapsed,
        boolean rate,
        boolean delta,
        boolean ave,
        boolean jitter,
        boolean bits,
        boolean inet) {

    static final CalcSpec NONE = new CalcSpec(false, false, false, false, false, false, false, false, false);

    static CalcSpec parse(String calc) {
        if (calc == null || calc.isBlank()) {
            return NONE;
        }
        String c = calc.toLowerCase(Locale.ROOT);
        return new CalcSpec(
                c.contains("md5"),
                c.contains("one"),
                c.contains("elapsed"),
                c.contains("rate"),
                c.contains("delta"),
                c.contains("ave"),
                c.contains("jitter"),
                c.contains("bits"),
                c.contains("inet"));
    }

    /** Anything beyond md5, which works on text: then the value must be a number. */
    boolean numeric() {
        return one || elapsed || rate || delta || ave || jitter || bits || inet;
    }

    boolean counter() {
        return rate || delta;
    }

    boolean averaging() {
        return ave || jitter;
    }
}
