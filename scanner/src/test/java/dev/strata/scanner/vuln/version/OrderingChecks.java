package dev.strata.scanner.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** Test helper: checks a comparator against an ascending chain and for order laws on random samples. */
final class OrderingChecks {

    private OrderingChecks() {
    }

    /** Every pair of an ascending list compares as its positions do (both directions), and each element equals itself. */
    static int assertAscending(VersionScheme scheme, List<String> ascending) {
        int checked = 0;
        for (int i = 0; i < ascending.size(); i++) {
            for (int j = 0; j < ascending.size(); j++) {
                String a = ascending.get(i);
                String b = ascending.get(j);
                assertThat(Integer.signum(scheme.compare(a, b))).as("%s vs %s", a, b).isEqualTo(Integer.compare(i, j));
                checked++;
            }
        }
        return checked;
    }

    /** Antisymmetry and transitivity on {@code rounds} random triples drawn from {@code gen}. */
    static void assertOrderLaws(VersionScheme scheme, Supplier<String> gen, int rounds) {
        for (int n = 0; n < rounds; n++) {
            String a = gen.get();
            String b = gen.get();
            String c = gen.get();
            int ab = Integer.signum(scheme.compare(a, b));
            int ba = Integer.signum(scheme.compare(b, a));
            int bc = Integer.signum(scheme.compare(b, c));
            int ac = Integer.signum(scheme.compare(a, c));
            assertThat(ba).as("antisymmetry %s %s", a, b).isEqualTo(-ab);
            assertThat(scheme.compare(a, a)).as("reflexive %s", a).isZero();
            if (ab <= 0 && bc <= 0) {
                assertThat(ac).as("transitivity %s <= %s <= %s", a, b, c).isLessThanOrEqualTo(0);
                if (ab < 0 || bc < 0) {
                    assertThat(ac).as("strict transitivity %s %s %s", a, b, c).isNegative();
                }
            }
            if (ab >= 0 && bc >= 0) {
                assertThat(ac).as("transitivity %s >= %s >= %s", a, b, c).isGreaterThanOrEqualTo(0);
            }
        }
    }

    /** A random element of {@code options}. */
    static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
