package dev.strata.index;

import java.io.IOException;
import java.nio.file.Path;

/** Child-process entry point for the cross-process lock test: opens the index and reports the outcome. */
public final class OpenIndexProcess {
    private OpenIndexProcess() {
    }

    public static void main(String[] args) {
        try (StrataIndex index = StrataIndex.open(Path.of(args[0]))) {
            System.out.println("opened");
        } catch (IOException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
