package dev.vestibule.bootstrap.cluster;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The cluster journeys' start-up: the local cluster starts once per test JVM ({@link LocalCluster#shared()}),
 * every instance a previous test class stopped or killed is brought back before each class, and the cluster is
 * handed to whichever constructor or test method asks for a {@link LocalCluster}.
 */
final class LocalClusterExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        LocalCluster.shared().ensureEveryInstanceRuns();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return LocalCluster.shared();
    }
}
