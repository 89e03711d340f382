package com.shop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnedArtifactsTest {

    @TempDir
    Path dir;

    @Test
    void aPinnedJarWithItsChecksumMayStart() throws Exception {
        Path jar = jar("nacos-core-3.1.0.jar", "the real thing");
        PinnedArtifacts pins = PinnedArtifacts.parse(List.of("# comment", "", PinnedArtifacts.sha256(jar) + "  infra/nacos "
                + jar.getFileName()));

        assertThat(pins.problems("infra/nacos", jar + File.pathSeparator + dir.resolve("other.jar"))).isEmpty();
    }

    @Test
    void aJarWhoseContentChangedIsRefused() throws Exception {
        Path jar = jar("nacos-core-3.1.0.jar", "the real thing");
        PinnedArtifacts pins = PinnedArtifacts.parse(List.of(PinnedArtifacts.sha256(jar) + "  infra/nacos nacos-core-3.1.0.jar"));
        Files.writeString(jar, "republished with a surprise");

        assertThat(pins.problems("infra/nacos", jar.toString())).singleElement().asString().contains("has SHA-256");
    }

    @Test
    void aPinnedJarMissingFromTheClasspathIsRefused() throws Exception {
        Path newer = jar("nacos-core-3.2.0.jar", "a version bump");
        PinnedArtifacts pins = PinnedArtifacts.parse(List.of("a".repeat(64) + "  infra/nacos nacos-core-3.1.0.jar"));

        assertThat(pins.problems("infra/nacos", newer.toString())).singleElement().asString()
                .contains("nacos-core-3.1.0.jar is pinned for infra/nacos but not on its classpath");
    }

    @Test
    void modulesWithoutPinsAreNotChecked() {
        assertThat(PinnedArtifacts.parse(List.of()).problems("order-app", "/nowhere/x.jar")).isEmpty();
    }

    @Test
    void aMalformedLineIsAnError() {
        assertThatThrownBy(() -> PinnedArtifacts.parse(List.of("abc infra/nacos x.jar")))
                .hasMessageContaining("not '<sha256>  <module> <jar>'");
    }

    @Test
    void theRepositorysPinsParse() throws Exception {
        PinnedArtifacts.load(StackSettings.findRoot(Path.of("")));
    }

    private Path jar(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
