package dev.kitty.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a service JVM. */
final class JavaCommand {

    private JavaCommand() {
    }

    static List<String> of(String javaBinary, List<String> jvmOptions, List<String> aotOptions, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary);
        command.addAll(jvmOptions);
        command.addAll(aotOptions);
        command.add("-jar");
        command.add(jar.toString());
        return List.copyOf(command);
    }

    /** The java binary running the launcher, so that the services run on the same JDK. */
    static String currentJavaBinary() {
        return ProcessHandle.current()
            .info()
            .command()
            .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

}
