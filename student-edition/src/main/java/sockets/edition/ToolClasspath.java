package sockets.edition;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by the build (exec:java, with this module's classpath): writes that classpath, one line,
 * into the file given, for {@code ./course} to start the tool with plain {@code java -cp}.
 */
public final class ToolClasspath {

    private ToolClasspath() {}

    public static void main(String[] args) throws IOException, URISyntaxException {
        List<String> entries = new ArrayList<>();
        if (ToolClasspath.class.getClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
        } else {
            entries.add(System.getProperty("java.class.path"));
        }
        Files.writeString(Path.of(args[0]), String.join(File.pathSeparator, entries) + "\n", StandardCharsets.UTF_8);
    }
}
