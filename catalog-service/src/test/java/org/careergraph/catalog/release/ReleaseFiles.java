package org.careergraph.catalog.release;

import java.util.LinkedHashMap;
import java.util.Map;

/** The publishers' real files, as the service bundles them (and OEWS May 2023, kept for tests). */
final class ReleaseFiles {

    private ReleaseFiles() {
    }

    /** The files of a bundled series, by file name, as an upload would name them. */
    static Map<String, byte[]> bundled(Series series) {
        for (String[] entry : BundledReleases.index()) {
            if (entry[0].equals(series.name())) {
                Map<String, byte[]> files = new LinkedHashMap<>();
                for (String path : entry[3].split("\\|")) {
                    files.put(path.substring(path.lastIndexOf('/') + 1), BundledReleases.bytes("releases/" + path));
                }
                return files;
            }
        }
        throw new IllegalArgumentException("not bundled: " + series);
    }

    static ParsedRelease read(Series series) {
        for (String[] entry : BundledReleases.index()) {
            if (entry[0].equals(series.name())) {
                return ReleaseReaders.read(series, bundled(series), entry[1], entry[2]);
            }
        }
        throw new IllegalArgumentException("not bundled: " + series);
    }

    static byte[] oews2023() {
        return BundledReleases.bytes("releases/national_M2023_dl.csv");
    }

    static byte[] oews2024() {
        return BundledReleases.bytes("releases/bls-oews/national_M2024_dl.csv");
    }
}
