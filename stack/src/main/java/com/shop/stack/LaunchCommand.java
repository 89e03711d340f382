package com.shop.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The java command line of a component: this JVM's java, the component's options, and its module's
 * jar with the classpath its build wrote, refused when an artifact is not the pinned one.
 */
final class LaunchCommand {

    private final Path root;
    private PinnedArtifacts pinnedArtifacts;

    LaunchCommand(Path root) {
        this.root = root;
    }

    List<String> of(Component component) throws IOException {
        String classpath = classpath(component);
        List<String> unpinned = pinnedArtifacts().problems(component.module(), classpath);
        if (!unpinned.isEmpty()) {
            throw new StackStartFailure("Refusing to start " + component.name() + ": its artifacts are not the pinned ones ("
                    + PinnedArtifacts.FILE + ")\n" + String.join("\n", unpinned));
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(component.jvmOptions());
        command.add("-cp");
        command.add(classpath);
        command.add(component.mainClass());
        return command;
    }

    private synchronized PinnedArtifacts pinnedArtifacts() throws IOException {
        if (pinnedArtifacts == null) {
            pinnedArtifacts = PinnedArtifacts.load(root);
        }
        return pinnedArtifacts;
    }

    private String classpath(Component component) throws IOException {
        Path target = root.resolve(component.module()).resolve("target");
        Path classpathFile = target.resolve("launch-classpath.txt");
        if (!Files.exists(classpathFile)) {
            throw new StackStartFailure(component.module() + " is not built (no " + classpathFile
                    + "): run `mvn -DskipTests package` or ./shop.sh, which builds when needed");
        }
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
                    .findFirst()
                    .orElseThrow(() -> new StackStartFailure(component.module() + " has no jar in " + target));
        }
        return jar + File.pathSeparator + Files.readString(classpathFile).strip();
    }
}
