package dev.kitty.devstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the reactor root: next to the launcher's own jar, or the working directory or one of its parents. */
final class RepoRoot {

    private RepoRoot() {
    }

    static Path locate() {
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith("dev-stack.jar")) {
            Path candidate = Path.of(classPath).toAbsolutePath().normalize().getParent();
            for (int i = 0; i < 2 && candidate != null; i++) {
                candidate = candidate.getParent();
            }
            if (candidate != null && isRepoRoot(candidate)) {
                return candidate;
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRepoRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the Kitty repository (a directory with pom.xml and dev-stack/): "
                + "run from inside it");
    }

    static boolean isRepoRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("dev-stack"));
    }

}
