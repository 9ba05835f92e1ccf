package dev.kitty.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * JDK 25 AOT caches (JEP 483/514), one per service. A cache only helps for classes loaded from the class
 * path, so the fat jar is first extracted to the layout Spring Boot recommends for CDS
 * ({@code -Djarmode=tools extract}). The class path must then match the training run exactly, or the JVM
 * silently ignores the cache: the extraction only changes when the content of the service jar, the JDK or the
 * JVM options change, and then the cache is trained anew.
 */
final class AotCache {

    enum Mode {
        /** No cache: AOT not asked for, or the JDK is older than 25. */
        OFF,
        /** This run records the cache; the JVM writes it when it exits. */
        TRAIN,
        /** This run starts from the cache. */
        USE
    }

    /** How to run one service: from which jar, with which extra JVM options. */
    record Plan(Mode mode, Path jar, List<String> jvmOptions, Path cache) {
    }

    static final int MINIMUM_JDK = 25;

    private final Path directory;

    private final String javaBinary;

    private final List<String> jvmOptions;

    AotCache(Path directory, String javaBinary, List<String> jvmOptions) {
        this.directory = directory;
        this.javaBinary = javaBinary;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    static boolean supported(int jdkFeatureVersion) {
        return jdkFeatureVersion >= MINIMUM_JDK;
    }

    /** Extracts the jar if needed and decides whether this run trains or uses the cache. */
    Plan prepare(Service service, Path jar) {
        Path extracted = extractedDirectory(service);
        String fingerprint = fingerprint(jar);
        try {
            Files.createDirectories(this.directory);
            if (!extractedCopyMatches(service, fingerprint)) {
                deleteCache(service);
                DataDirectories.deleteRecursively(extracted);
                extract(jar, extracted);
                Files.writeString(fingerprintFile(service), fingerprint);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not prepare the AOT cache of " + service.moduleName(), ex);
        }
        if (cacheComplete(service)) {
            return usePlan(service);
        }
        deleteCache(service);
        return new Plan(Mode.TRAIN, extractedJar(service), List.of("-XX:AOTCacheOutput=" + cacheFile(service)),
                cacheFile(service));
    }

    /**
     * The complete cache of a service whose extracted copy matches the jar, for a further instance of it: nothing is
     * extracted, trained or deleted, so the instance already running from that copy is left alone.
     */
    Optional<Plan> existing(Service service, Path jar) {
        try {
            return (extractedCopyMatches(service, fingerprint(jar)) && cacheComplete(service))
                    ? Optional.of(usePlan(service)) : Optional.empty();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read the AOT cache of " + service.moduleName(), ex);
        }
    }

    private boolean extractedCopyMatches(Service service, String fingerprint) throws IOException {
        return Files.isRegularFile(extractedJar(service)) && Files.isRegularFile(fingerprintFile(service))
                && fingerprint.equals(Files.readString(fingerprintFile(service)));
    }

    private boolean cacheComplete(Service service) {
        return Files.isRegularFile(cacheFile(service)) && Files.isRegularFile(completeMarker(service));
    }

    private Plan usePlan(Service service) {
        return new Plan(Mode.USE, extractedJar(service), List.of("-XX:AOTCache=" + cacheFile(service)), cacheFile(service));
    }

    private Path extractedDirectory(Service service) {
        return this.directory.resolve(service.moduleName());
    }

    private Path extractedJar(Service service) {
        return extractedDirectory(service).resolve(service.moduleName() + ".jar");
    }

    private Path fingerprintFile(Service service) {
        return extractedDirectory(service).resolve("source.fingerprint");
    }

    /** Called once a training run has stopped: a cache written by a JVM that exited normally becomes usable. */
    void trainingFinished(Service service, boolean exitedNormally) {
        Path cache = cacheFile(service);
        try {
            if (exitedNormally && Files.isRegularFile(cache) && Files.size(cache) > 0) {
                Files.writeString(completeMarker(service), "");
            }
            else {
                deleteCache(service);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not record the AOT cache of " + service.moduleName(), ex);
        }
    }

    Path cacheFile(Service service) {
        return this.directory.resolve(service.moduleName() + ".aot");
    }

    private Path completeMarker(Service service) {
        return this.directory.resolve(service.moduleName() + ".aot.complete");
    }

    private void deleteCache(Service service) {
        try {
            Files.deleteIfExists(completeMarker(service));
            Files.deleteIfExists(cacheFile(service));
            // left behind by a JVM that was killed while assembling the cache
            Files.deleteIfExists(this.directory.resolve(service.moduleName() + ".aot.config"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * What the extracted copy depends on. The jar's content, not its timestamp: every {@code package} rewrites
     * the jar, and retraining after each build would make the cache useless with {@code ./run.sh}. Reading the
     * zip directory (names, sizes, CRCs) is fast and changes whenever a class or library does.
     */
    String fingerprint(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            zip.stream()
                .map((entry) -> entry.getName() + ' ' + entry.getSize() + ' ' + entry.getCrc() + '\n')
                .sorted()
                .forEach((line) -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
            return String.join("\n", jar.toString(), HexFormat.of().formatHex(digest.digest()),
                    Runtime.version().toString(), String.join(" ", this.jvmOptions));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + jar, ex);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void extract(Path jar, Path destination) throws IOException {
        List<String> command = new ArrayList<>(List.of(this.javaBinary, "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--destination", destination.toString()));
        Path output = Files.createTempFile("kitty-extract-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("Extracting " + jar + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IOException("Extracting " + jar + " for the AOT cache failed (exit " + process.exitValue()
                        + "):\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while extracting " + jar, ex);
        }
        finally {
            Files.deleteIfExists(output);
        }
    }

}
