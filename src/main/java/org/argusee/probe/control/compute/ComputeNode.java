package org.argusee.probe.control.compute;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.argusee.probe.control.ProbeFailure;

/**
 * A parsed {@code Compute} expression, evaluated over the operands' numbers. Evaluation is pure arithmetic on
 * doubles with Perl's meaning of each operator (the original evaluated the expression as Perl): {@code %} works
 * on integers and takes the sign of its right side, {@code **} is a power, {@code int} truncates.
 */
sealed interface ComputeNode {

    /** @throws ProbeFailure saying which operation has no answer (division by zero, log of 0...) */
    double eval(Map<String, Double> operands);

    record Constant(double value) implements ComputeNode {
        @Override
        public double eval(Map<String, Double> operands) {
            return value;
        }
    }

    /** {@code %{Top:Group:Service}}: the latest value of that service. */
    record Operand(String name) implements ComputeNode {
        @Override
        public double eval(Map<String, Double> operands) {
            return operands.get(name);
        }
    }

    record Negate(ComputeNode inner) implements ComputeNode {
        @Override
        public double eval(Map<String, Double> operands) {
            return -inner.eval(operands);
        }
    }

    record Binary(char op, ComputeNode left, ComputeNode right) implements ComputeNode {
        @Override
        public double eval(Map<String, Double> operands) {
            double a = left.eval(operands);
            double b = right.eval(operands);
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> {
                    if (b == 0) {
                        throw new ProbeFailure("division by zero");
                    }
                    yield a / b;
                }
                case '%' -> modulus(a, b);
                case '^' -> Math.pow(a, b);
                default -> throw new IllegalStateException("operator " + op);
            };
        }

        private static double modulus(double a, double b) {
            long x = (long) a;
            long y = (long) b;
            if (y == 0) {
                throw new ProbeFailure("modulus zero");
            }
            long r = x % y;
            return r != 0 && (r ^ y) < 0 ? r + y : r;
        }
    }

    record Call(String function, List<ComputeNode> args) implements ComputeNode {

        /** The functions and how many arguments each takes (-1: one or more). */
        static final Map<String, Integer> ARITY =
                Map.of("abs", 1, "int", 1, "sqrt", 1, "log", 1, "exp", 1, "min", -1, "max", -1);

        @Override
        public double eval(Map<String, Double> operands) {
            double[] v = args.stream().mapToDouble(a -> a.eval(operands)).toArray();
            return switch (function) {
                case "abs" -> Math.abs(v[0]);
                case "int" -> v[0] < 0 ? Math.ceil(v[0]) : Math.floor(v[0]);
                case "sqrt" -> {
                    if (v[0] < 0) {
                        throw new ProbeFailure("sqrt of a negative number");
                    }
                    yield Math.sqrt(v[0]);
                }
                case "log" -> {
                    if (v[0] <= 0) {
                        throw new ProbeFailure("log of a number not above 0");
                    }
                    yield Math.log(v[0]);
                }
                case "exp" -> Math.exp(v[0]);
                case "min" -> Arrays.stream(v).min().orElseThrow();
                case "max" -> Arrays.stream(v).max().orElseThrow();
                default -> throw new IllegalStateException("function " + function);
            };
        }
    }
}
