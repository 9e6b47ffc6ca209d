package org.argusee.status.control.evaluation;

import static org.argusee.status.control.evaluation.Forecast.or0;
import static org.argusee.status.control.evaluation.Forecast.truthy;

/**
 * The formulas of Argus 3.7's {@code Argus::HWAB} and {@code Argus::MHWAB} ({@code _hw}, {@code _bootstrap},
 * {@code _clean_value}, {@code _smooth_c}), applied to a {@link Forecast} when one of its windows ends. Kept as the
 * original computes them, quirks included (the smoothing touches the bucket before the one just updated; the
 * multiplicative model neither bounds outliers nor lowers alpha and beta for them), so that a forecaster taken over
 * from the original behaves the same.
 */
final class HoltWinters {

    private static final double BOOTK = 0.025;
    private static final double BOOTDK = 0.90;
    private static final double KDEVIANT = 1.5;
    private static final double EPSILON = 0.0001;
    private static final int SMOOTH = 2;

    private HoltWinters() {}

    /** The window that started at {@code f.start} ended with this average and standard deviation. */
    static void windowEnded(Forecast f, double val, double sdv) {
        int si = f.bucket();
        double age = f.start - f.created;
        if (age < 2 * f.period) {
            bootstrap(f, val, sdv, si, age / Forecast.WINDOW);
        } else if (f.multiplicative) {
            multiplicative(f, val, sdv, si);
        } else {
            additive(f, val, sdv, si);
        }
    }

    private static void bootstrap(Forecast f, double val, double sdv, int si, double nsamp) {
        double btb = or0(f.bBoot);
        double ctp = Double.isNaN(f.c[si]) ? val : f.c[si];
        double dtp = or0(f.d[si]);
        double ctb = Double.isNaN(f.cBoot) ? val : f.cBoot;
        // C = smoothed average observed value, D = maximum observed deviation
        double ct = (val + ctp + ctb) / 3;
        double dtx = max(Math.abs(val - ct), Math.abs(val - ctp), Math.abs(val - ctb), Math.abs(ctb - ctp)) + sdv;
        double dt = f.multiplicative ? max(dtp, 2 * dtx, or0(f.dBoot) * BOOTDK) : Math.max(dtp, 2 * dtx);
        if (f.multiplicative) {
            // B = average ratio
            btb += truthy(ctp) ? val / ctp : 1;
            double bt = btb / (nsamp + 1);
            f.a = bt;
            f.b = nsamp != 0 ? bt / (nsamp / 2) : 0;
        } else {
            // B = average derivative, A = intercept of B*t
            btb += val - ctb;
            double bt = btb / (nsamp + 1);
            f.a = nsamp * bt;
            f.b = bt;
        }
        f.c[si] = ct;
        f.d[si] = dt;
        f.bBoot = btb;
        f.cBoot = val;
        f.dBoot = dt;
        f.expectY = ct;
        f.expectD = dt;
    }

    private static void additive(Forecast f, double value, double sdv, int si) {
        double val = value;
        double alpha = f.alpha;
        double beta = f.beta;
        Bounded bounded = clean(f, val, si);
        if (bounded != null) {
            val = bounded.value();
            alpha *= f.zeta;
            beta *= f.zeta;
        }
        double atp = or0(f.a);
        double btp = or0(f.b);
        double[] cd = previousOrPatched(f, val, si);
        double ctp = cd[0];
        double dtp = cd[1];
        double yt = atp + btp + ctp;
        double at = alpha * (val - ctp) + (1 - alpha) * (atp + btp);
        double bt = beta * (at - atp) + (1 - beta) * btp;
        double ct = f.gamma * (val - at) + (1 - f.gamma) * ctp;
        double dt = f.gamma * (Math.abs(val - yt) + sdv) + (1 - f.gamma) * dtp;
        finish(f, si, at, bt, ct, dt, at + bt + or0(f.c[(si + 1) % f.buckets]));
    }

    private static void multiplicative(Forecast f, double val, double sdv, int si) {
        double atp = or0(f.a);
        double btp = or0(f.b);
        double[] cd = previousOrPatched(f, val, si);
        double ctp = cd[0];
        double dtp = cd[1];
        double yt = (atp + btp) * ctp;
        double at = atp;
        double bt = btp;
        if (Math.abs(ctp) > EPSILON) {
            at = f.alpha * (val / ctp) + (1 - f.alpha) * (atp + btp);
            bt = f.beta * (at - atp) + (1 - f.beta) * btp;
        }
        if (at + bt < EPSILON) {
            // excessive shrinkage; the original went on from a tiny level
            at = EPSILON;
            bt = 0;
        }
        double ct = f.gamma * (val / at) + (1 - f.gamma) * ctp;
        double dt = f.gamma * (Math.abs(val - yt) + sdv) + (1 - f.gamma) * dtp;
        finish(f, si, at, bt, ct, dt, (at + bt) * or0(f.c[(si + 1) % f.buckets]));
    }

    /** The bucket's c and d; a bucket missed while bootstrapping is patched from the one before, as there. */
    private static double[] previousOrPatched(Forecast f, double val, int si) {
        if (!Double.isNaN(f.c[si])) {
            return new double[] {f.c[si], or0(f.d[si])};
        }
        double cx = f.c[Math.floorMod(si - 1, f.buckets)];
        double patched = BOOTK * val + (1 - BOOTK) * (Double.isNaN(cx) ? val : cx);
        return new double[] {patched, patched};
    }

    private static void finish(Forecast f, int si, double at, double bt, double ct, double dt, double next) {
        f.a = at;
        f.b = bt;
        f.c[si] = ct;
        f.d[si] = dt;
        smooth(f, si - 1);
        f.expectY = next;
        f.expectD = dt;
    }

    /**
     * Weighted average of c and d over the bucket and two on each side (itself counted twice). The original wrote
     * the result under the bucket's raw number, so for bucket -1 (before bucket 0) it went to a key nobody reads:
     * no effect, as here.
     */
    private static void smooth(Forecast f, int si) {
        if (si < 0) {
            return;
        }
        double ctot = 0;
        double dtot = 0;
        int cnt = 0;
        for (int j = -SMOOTH; j <= SMOOTH; j++) {
            int i = Math.floorMod(si + j, f.buckets);
            if (!truthy(f.c[i])) {
                continue;
            }
            int k = j == 0 ? 2 : 1;
            ctot += f.c[i] * k;
            dtot += or0(f.d[i]) * k;
            cnt += k;
        }
        if (cnt > 0) {
            f.c[si] = ctot / cnt;
            f.d[si] = dtot / cnt;
        }
    }

    private record Bounded(double value) {}

    /**
     * The additive model lessens an outlier's weight: a value outside 1.5 deviations of the expectation, and of
     * the neighbouring buckets' too, is bounded to the edge of the expected range (and alpha, beta scaled by zeta).
     * Null: the value stands.
     */
    private static Bounded clean(Forecast f, double val, int si) {
        if (Double.isNaN(f.expectY) || !truthy(f.expectD)) {
            return null;
        }
        double y = f.expectY;
        double d = f.expectD;
        if (val < y + KDEVIANT * d && val > y - KDEVIANT * d) {
            return null;
        }
        int prev = Math.floorMod(si - 1, f.buckets);
        int next = (si + 1) % f.buckets;
        double at = or0(f.a);
        double bt = or0(f.b);
        double yp = at + or0(f.c[prev]);
        double yn = at + 2 * bt + or0(f.c[next]);
        double dp = or0(f.d[prev]);
        double dn = or0(f.d[next]);
        if ((val < yp + KDEVIANT * dp && val > yp - KDEVIANT * dp)
                || (val < yn + KDEVIANT * dn && val > yn - KDEVIANT * dn)) {
            return null;
        }
        return new Bounded(val > y ? y + KDEVIANT * d : y - KDEVIANT * d);
    }

    private static double max(double first, double... rest) {
        double m = first;
        for (double x : rest) {
            m = Math.max(m, x);
        }
        return m;
    }
}
