package dev.kitty.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTests {

    @TempDir
    Path dir;

    private final AotCache cache = new AotCache(Path.of("aot"), "java", StackConfig.FAST_START_JVM_OPTIONS);

    @Test
    void keepsTheCacheWhenTheJarIsOnlyRewritten() throws IOException {
        Path jar = jar("Application.class", "same bytes");
        String before = this.cache.fingerprint(jar);
        Files.delete(jar);
        jar("Application.class", "same bytes");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(this.cache.fingerprint(jar)).isEqualTo(before);
    }

    @Test
    void retrainsWhenAClassChanges() throws IOException {
        Path jar = jar("Application.class", "old bytes");
        String before = this.cache.fingerprint(jar);
        Files.delete(jar);
        jar("Application.class", "new bytes");

        assertThat(this.cache.fingerprint(jar)).isNotEqualTo(before);
    }

    @Test
    void retrainsWhenTheJvmOptionsChange() throws IOException {
        Path jar = jar("Application.class", "bytes");
        AotCache otherOptions = new AotCache(Path.of("aot"), "java", List.of("-Xmx1g"));

        assertThat(otherOptions.fingerprint(jar)).isNotEqualTo(this.cache.fingerprint(jar));
    }

    @Test
    void aSecondInstanceSharesOnlyACompleteCacheOfTheSameJarAndTouchesNothing() throws IOException {
        Path jar = jar("Application.class", "bytes");
        Path directory = this.dir.resolve("aot");
        AotCache aot = new AotCache(directory, "java", StackConfig.FAST_START_JVM_OPTIONS);
        Path extracted = Files.createDirectories(directory.resolve("transaction-service"));
        Files.writeString(extracted.resolve("transaction-service.jar"), "extracted");
        Files.writeString(extracted.resolve("source.fingerprint"), aot.fingerprint(jar));
        Path cache = Files.writeString(directory.resolve("transaction-service.aot"), "being written by a training run");

        assertThat(aot.existing(Service.TRANSACTION, jar)).as("still training: no marker yet").isEmpty();
        assertThat(cache).exists();

        Files.writeString(directory.resolve("transaction-service.aot.complete"), "");
        assertThat(aot.existing(Service.TRANSACTION, jar)).hasValueSatisfying((plan) -> {
            assertThat(plan.mode()).isEqualTo(AotCache.Mode.USE);
            assertThat(plan.jar()).isEqualTo(extracted.resolve("transaction-service.jar"));
            assertThat(plan.jvmOptions()).containsExactly("-XX:AOTCache=" + cache);
        });

        Files.delete(jar);
        jar("Application.class", "other bytes");
        assertThat(aot.existing(Service.TRANSACTION, jar)).as("the jar was rebuilt since").isEmpty();
        assertThat(cache).exists();
    }

    private Path jar(String entry, String content) throws IOException {
        Path jar = this.dir.resolve("service.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

}
