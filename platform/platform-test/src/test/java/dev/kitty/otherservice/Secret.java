package dev.kitty.otherservice;

/** A class of another service, which no service may use. */
public class Secret {
}
