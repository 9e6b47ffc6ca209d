package org.argusee.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The fuzzing harness's generator (issue 15, "measured, not only fixed"): malformed inputs made by mutating valid
 * ones, from one seed, so a failure is reproduced by its seed and input number alone. Each input is one to four
 * mutations of a seed: bytes flipped, inserted, cut, repeated, swapped with another seed's, tokens of the format
 * put in (JSON, Argus config), huge numbers, control characters, unpaired surrogates and other Unicode. No library:
 * Jazzer's JUnit integration runs its corpus only unless JAZZER_FUZZ is set, and needs its agent in the JVM.
 */
public final class Mutator {

    /** The seed of a run, printed with every failure: {@code -Dargus.fuzz.seed=...} replays it. */
    public static long seed() {
        return Long.getLong("argus.fuzz.seed", 20261206L);
    }

    /** Inputs per target: a few hundred in the CI form, {@code -Dargus.fuzz.count=10000} for the full run. */
    public static int count(int ciDefault) {
        return Integer.getInteger("argus.fuzz.count", ciDefault);
    }

    private static final List<String> TOKENS = List.of(
            "{",
            "}",
            "[",
            "]",
            "\"",
            "\\",
            ":",
            ",",
            "null",
            "true",
            "false",
            "-0",
            "1e999",
            "-1",
            "9223372036854775808",
            "-9223372036854775809",
            "2147483648",
            "0x10",
            "NaN",
            "Infinity",
            "1.5",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "\\u",
            "{\"a\":",
            "[[[[[[[[",
            "]]]]",
            "\u0000",
            "\r\n",
            "\n",
            "\t",
            "\u202e",
            "\ud83d\ude00",
            "\ufeff",
            "\uffff",
            "\u00e9",
            "\u0301",
            "%00",
            "%ZZ",
            "../",
            "..\\",
            "Group ",
            "Host ",
            "Service ",
            "Alias ",
            "DARP ",
            "Method ",
            "Include ",
            "#",
            "! ",
            ": ",
            "\\\"",
            "TCP/",
            "UDP/",
            "Prog",
            "Ping",
            "Compute",
            "SNMP/",
            "DNS/",
            "Top:",
            "::::",
            "%{",
            "%(",
            "$(",
            "`",
            "<script>",
            "'; drop table x; --",
            "\u00a0",
            "\u2028");

    private final Random random;
    private final List<byte[]> seeds;

    public Mutator(long seed, List<byte[]> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a mutator needs at least one valid input");
        }
        this.random = new Random(seed);
        this.seeds = seeds;
    }

    public static Mutator ofTexts(long seed, List<String> texts) {
        return new Mutator(
                seed,
                texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList());
    }

    public Random random() {
        return random;
    }

    /** The next malformed input as text (invalid UTF-8 becomes U+FFFD, as a server decoding it would see). */
    public String nextText() {
        return new String(next(), StandardCharsets.UTF_8);
    }

    /** The next malformed input as bytes. */
    public byte[] next() {
        byte[] b = seeds.get(random.nextInt(seeds.size())).clone();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            b = mutate(b);
        }
        return b;
    }

    /** One value of a field: a hostile scalar most of the time, sometimes a structure. */
    public String nextValue() {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> "x".repeat(1 + random.nextInt(100_000));
            case 2 -> Long.toString(random.nextLong());
            case 3 -> TOKENS.get(random.nextInt(TOKENS.size()));
            case 4 -> "-" + random.nextInt(1000);
            case 5 -> "9".repeat(1 + random.nextInt(400));
            case 6 -> unicode(1 + random.nextInt(50));
            case 7 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
            default -> new String(mutate(pick().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        };
    }

    private String pick() {
        return new String(seeds.get(random.nextInt(seeds.size())), StandardCharsets.UTF_8);
    }

    private String unicode(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                sb.append((char) random.nextInt(0x20)); // control characters
            } else if (kind == 1) {
                sb.append((char) (0xd800 + random.nextInt(0x800))); // unpaired surrogates
            } else {
                sb.appendCodePoint(random.nextInt(0x10ffff - 0xe000) + 0xe000);
            }
        }
        return sb.toString();
    }

    private byte[] mutate(byte[] in) {
        int len = in.length;
        int at = len == 0 ? 0 : random.nextInt(len + 1);
        return switch (random.nextInt(10)) {
            case 0 -> { // flip bits in a few bytes
                byte[] out = in.clone();
                for (int i = 0; i < 1 + random.nextInt(8) && len > 0; i++) {
                    out[random.nextInt(len)] ^= (byte) (1 << random.nextInt(8));
                }
                yield out;
            }
            case 1 -> splice(in, at, at, randomBytes(1 + random.nextInt(16)));
            case 2 -> splice(in, at, Math.min(len, at + 1 + random.nextInt(64)), new byte[0]); // cut
            case 3 ->
                splice(in, at, at, TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8));
            case 4 -> { // repeat a piece many times: deep nesting, long lines
                int end = Math.min(len, at + 1 + random.nextInt(16));
                byte[] piece = java.util.Arrays.copyOfRange(in, at, end);
                int times = 2 + random.nextInt(random.nextBoolean() ? 8 : 5000);
                byte[] many = new byte[Math.min(4 << 20, piece.length * times)];
                for (int i = 0; piece.length > 0 && i + piece.length <= many.length; i += piece.length) {
                    System.arraycopy(piece, 0, many, i, piece.length);
                }
                yield splice(in, at, at, many);
            }
            case 5 -> java.util.Arrays.copyOf(in, at); // truncated
            case 6 -> { // splice with another seed
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int from = other.length == 0 ? 0 : random.nextInt(other.length);
                yield splice(in, at, len, java.util.Arrays.copyOfRange(other, from, other.length));
            }
            case 7 -> splice(in, at, at, unicode(1 + random.nextInt(8)).getBytes(StandardCharsets.UTF_8));
            case 8 -> { // a number made huge, negative or a fraction
                String s = new String(in, StandardCharsets.ISO_8859_1);
                yield s.replaceFirst(
                                "\\d+",
                                List.of("99999999999999999999", "-1", "0.5", "1e308", "0")
                                        .get(random.nextInt(5)))
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> splice(in, at, Math.min(len, at + 1), randomBytes(1)); // one byte replaced
        };
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        byte[] out = new byte[in.length - (to - from) + insert.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(in, to, out, from + insert.length, in.length - to);
        return out;
    }
}
