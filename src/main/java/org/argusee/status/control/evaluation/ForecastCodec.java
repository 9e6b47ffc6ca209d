package org.argusee.status.control.evaluation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A forecaster as stored: what the original kept in its {@code hwab.db} (model, period, created, the window under
 * way, a, b, the bootstrap sums, each bucket's c and d), as one deflated blob of doubles: a week's 2,016 buckets
 * take 32 KB raw, much less while buckets are still unset. The smoothing parameters are not stored: they come
 * from the service's parameters, as in the original.
 */
public final class ForecastCodec {

    private static final int VERSION = 1;

    private ForecastCodec() {}

    public static byte[] encode(Forecast f) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeByte(VERSION);
            out.writeBoolean(f.multiplicative);
            out.writeLong(f.period);
            out.writeLong(f.created);
            for (double x : new double[] {f.start, f.a, f.b, f.bBoot, f.cBoot, f.dBoot}) {
                out.writeDouble(x);
            }
            out.writeInt(f.buckets);
            for (int i = 0; i < f.buckets; i++) {
                out.writeDouble(f.c[i]);
                out.writeDouble(f.d[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The stored forecaster taken up again at {@code nowSeconds} ({@link Forecast#resume}), tuned with the
     * service's current settings.
     *
     * @throws IllegalArgumentException when the blob is not one this class wrote
     */
    public static Forecast decode(byte[] blob, ForecastSettings settings, long nowSeconds) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(blob)))) {
            if (in.readByte() != VERSION) {
                throw new IllegalArgumentException("unknown forecast format");
            }
            boolean multiplicative = in.readBoolean();
            long period = in.readLong();
            long created = in.readLong();
            Forecast f = new Forecast(multiplicative, period, created, in.readDouble());
            f.a = in.readDouble();
            f.b = in.readDouble();
            f.bBoot = in.readDouble();
            f.cBoot = in.readDouble();
            f.dBoot = in.readDouble();
            if (in.readInt() != f.buckets) {
                throw new IllegalArgumentException("forecast buckets do not match its period");
            }
            for (int i = 0; i < f.buckets; i++) {
                f.c[i] = in.readDouble();
                f.d[i] = in.readDouble();
            }
            f.tune(settings);
            f.resume(nowSeconds);
            return f;
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged forecast: " + e.getMessage(), e);
        }
    }
}
