package dev.strata.cli;

/** Entry point of the {@code strata} command. */
public final class StrataCli {
    private StrataCli() {
    }

    public static void main(String[] args) {
        System.out.println("strata: under construction");
    }
}
