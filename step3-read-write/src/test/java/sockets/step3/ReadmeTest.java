package sockets.step3;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import sockets.testing.Readme;
import sockets.testing.ReadmeQuotes;

/**
 * Ungraded: the README's code is the code. Its excerpts are the tagged regions of the sources; its
 * contracts (an exercise's javadoc and signature, without the body you write) and the Python
 * peer's lines are quoted from the sources as they are. (The transcript is {@link TourTest}'s.)
 */
@DisplayName("The README")
class ReadmeTest {

    @Test
    @DisplayName("shows each code excerpt exactly as it is in the tagged source")
    void excerptsMatchTheSources() throws Exception {
        // Five: serve, two-writes, no-flush, run, one-writer (the edition leaves out those with solution lines).
        Readme.assertExcerptsMatchSources(5);
    }

    @Test
    @DisplayName("quotes each contract, and the Python peer, as the sources have them")
    void quotesMatchTheSources() throws Exception {
        ReadmeQuotes.assertQuotesMatchSources(14);
    }
}
