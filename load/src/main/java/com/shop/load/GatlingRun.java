package com.shop.load;

import io.gatling.app.Gatling$;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Runs one Gatling simulation in this JVM and returns the folder of its report. */
final class GatlingRun {

    private GatlingRun() {
    }

    static Path run(Class<?> simulation, Path resultsFolder, String description) throws IOException {
        Files.createDirectories(resultsFolder);
        int status = Gatling$.MODULE$.fromArgs(new String[] {
            "--simulation", simulation.getName(),
            "--results-folder", resultsFolder.toAbsolutePath().toString(),
            "--run-description", description,
            "--launcher", "shop-load"});
        if (status != 0) {
            throw new IllegalStateException("Gatling ended with status " + status + " for " + description);
        }
        try (Stream<Path> runs = Files.list(resultsFolder)) {
            return runs.filter(Files::isDirectory)
                    .max(Comparator.comparingLong(GatlingRun::modified))
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no report into " + resultsFolder));
        }
    }

    private static long modified(Path folder) {
        try {
            return Files.getLastModifiedTime(folder).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
