package fluffy.io.bioformats;

import java.nio.file.Path;

/** Points the bridge at a jar for one test through {@link BioFormats#PROPERTY}, and puts the old value back. */
final class JarProperty {

    private final String before;

    private JarProperty(String before) {
        this.before = before;
    }

    static JarProperty set(Path jar) {
        JarProperty saved = new JarProperty(System.getProperty(BioFormats.PROPERTY));
        System.setProperty(BioFormats.PROPERTY, jar.toString());
        return saved;
    }

    void restore() {
        if (before == null) {
            System.clearProperty(BioFormats.PROPERTY);
        } else {
            System.setProperty(BioFormats.PROPERTY, before);
        }
    }
}
