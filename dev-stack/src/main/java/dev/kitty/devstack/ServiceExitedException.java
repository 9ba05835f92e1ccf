package dev.kitty.devstack;

import java.util.List;

/** A service exited while the stack was starting. */
public class ServiceExitedException extends StackStartException {

    private final ServiceExit exit;

    public ServiceExitedException(ServiceExit exit, List<String> lastLines) {
        super(exit.describe() + " while the stack was starting. Its last lines:\n  " + String.join("\n  ", lastLines));
        this.exit = exit;
    }

    public ServiceExit exit() {
        return this.exit;
    }

}
