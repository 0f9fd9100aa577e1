package dev.vestibule.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Keeps the test jars of sibling modules (for example the persistence adapter's PostgreSQL fixture, in
 * package {@code dev.vestibule.adapters.persistence.testing}) out of the analysed main code. ArchUnit's
 * {@link ImportOption.DoNotIncludeTests} only recognises {@code target/test-classes}, which is where they
 * come from in a reactor build, but not the {@code -tests.jar} they come from when bootstrap is built alone.
 */
final class DoNotIncludeTestJars implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("-tests.jar");
    }
}
