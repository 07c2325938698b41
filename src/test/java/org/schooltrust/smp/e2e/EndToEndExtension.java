package org.schooltrust.smp.e2e;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs each {@link EndToEnd} class once per {@link Realm} and resolves {@link TrustApi} parameters. The
 * {@link E2eEnvironment} lives in the root extension store: it starts with the first end-to-end class and is closed
 * (every process stopped) after the last one, whatever the tests' outcome.
 */
final class EndToEndExtension implements ClassTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EndToEnd.class);

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(Realm.values()).map(RealmInvocation::new);
    }

    static E2eEnvironment environment(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Holder.class, key -> new Holder(), Holder.class)
                .get();
    }

    /** Starts the environment once; a failed start fails every later class at once instead of starting again. */
    private static final class Holder implements AutoCloseable {
        private E2eEnvironment environment;
        private RuntimeException failure;

        synchronized E2eEnvironment get() {
            if (environment == null && failure == null) {
                try {
                    environment = E2eEnvironment.start();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new IllegalStateException("The end-to-end environment did not start", failure);
            }
            return environment;
        }

        /** Called by JUnit when the root context closes: after the last test, passed or failed. */
        @Override
        public synchronized void close() {
            if (environment != null) {
                environment.close();
            }
        }
    }

    private record RealmInvocation(Realm realm) implements ClassTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return realm.toString();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new TrustApiResolver(realm));
        }
    }

    private record TrustApiResolver(Realm realm) implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TrustApi.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return environment(context).app(realm);
        }
    }
}
