package org.marketlake.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path folder;

    @Test
    void publishWritesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = folder.resolve("a/b/state.json");

        AtomicFiles.publishString(target, "{\"v\":1}");
        AtomicFiles.publishString(target, "{\"v\":2}");

        assertThat(Files.readString(target)).isEqualTo("{\"v\":2}");
        assertThat(names(target.getParent())).containsExactly("state.json");
    }

    @Test
    void aPublishThatFailsMidwayKeepsTheOldFileAndRemovesItsTemporaryFile() throws IOException {
        Path target = folder.resolve("month.parquet");
        AtomicFiles.publishString(target, "old content");

        assertThatThrownBy(() -> AtomicFiles.publishStream(target, out -> {
                    out.write("half of the new".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    throw new IOException("disk full");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");

        assertThat(Files.readString(target)).isEqualTo("old content");
        assertThat(names(folder)).containsExactly("month.parquet");
    }

    @Test
    void aWriterThatThrowsAnUncheckedExceptionAlsoLeavesNothing() throws IOException {
        Path target = folder.resolve("table.json");

        assertThatThrownBy(() -> AtomicFiles.publish(target, temporary -> {
                    Files.writeString(temporary, "partial");
                    throw new IllegalStateException("bug");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(names(folder)).isEmpty();
    }

    @Test
    void leftoversOfAKilledPublishAreRemovedByTheNextPublishOfTheSameFile() throws IOException {
        Path target = folder.resolve("audit.json");
        Path leftover = AtomicFiles.temporaryFor(target);
        Files.writeString(leftover, "killed midway");
        Path otherFilesLeftover = AtomicFiles.temporaryFor(folder.resolve("other.json"));
        Files.writeString(otherFilesLeftover, "not ours");

        assertThat(AtomicFiles.isTemporary(leftover)).isTrue();
        assertThat(AtomicFiles.isTemporary(target)).isFalse();
        AtomicFiles.publishString(target, "whole");

        assertThat(names(folder)).containsExactlyInAnyOrder("audit.json", otherFilesLeftover.getFileName().toString());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
