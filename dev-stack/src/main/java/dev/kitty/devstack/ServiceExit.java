package dev.kitty.devstack;

/** A service process that ended while nobody asked it to. */
public record ServiceExit(Service service, int exitCode) {

    public String describe() {
        return service.moduleName() + " exited with code " + exitCode;
    }

}
