package dev.kitty.fixtureproducer.events;

/** An integration event in a producer's contracts package, which any service may use. */
public record SomethingHappened(String what) {
}
