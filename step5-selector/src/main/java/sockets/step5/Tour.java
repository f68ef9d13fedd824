package sockets.step5;

import sockets.step1.tour.TourScript;

/**
 * The step's tour ({@code ./mvnw -q compile exec:java -Dstep=5}): a write that never waits, one
 * thread for many clients, lines in a buffer, back-pressure, step 4 and step 5 side by side, and
 * the goodbye - each phase one exercise, on loopback, in a few seconds.
 */
public final class Tour {

    private Tour() {}

    public static void main(String... args) {
        TourScript tour = TourScript.begin("Step 5 (bonus) - one thread for everyone: the chat on a Selector (loopback only)");
        tour.phase(1, "A write that never waits takes what the socket has room for (Outbox, exercise 5.1)",
                TourPhases::partialWrites);
        tour.phase(2, "One thread serves everyone (the event loop, exercise 5.2)", TourPhases::oneThread);
        tour.phase(3, "Lines in a buffer: flip, find, compact (LineFinder, exercise 5.3)", TourPhases::linesInABuffer);
        tour.phase(4, "Back-pressure: a flood into a client that reads nothing (exercise 5.4)", TourPhases::backPressure);
        tour.phase(5, "Step 4 and step 5 side by side: 2,000 idle clients and a room chatting (each in a JVM of its own)",
                SideBySide::compare);
        tour.phase(6, "The operator's line from another thread, and goodbyes (exercise 5.5)", TourPhases::goodbyes);
        tour.end("Now try it yourself: ./chat server --engine selector, then ./chat client in two terminals (section 5 of the lesson).");
    }
}
