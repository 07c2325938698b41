package org.schooltrust.smp.common.validation;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Bean Validation checks request bodies (records), never entities: every property is reachable and cascadable, so the
 * JPA-aware traversable resolver (asking Hibernate ORM whether each property of each element is loaded) and its
 * per-validation result cache are skipped. With them, validating a 1,000-pair family-link check or a 10,000-record HR
 * sync spent most of its time in that cache's hash map (issue 15's profile). Hibernate ORM's own pre-persist
 * validation keeps its own resolver.
 */
@ApplicationScoped
public class ValidationSettings implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.traversableResolver(new EverythingReachable()).enableTraversableResolverResultCache(false);
    }

    static final class EverythingReachable implements TraversableResolver {
        @Override
        public boolean isReachable(
                Object bean, Path.Node property, Class<?> rootBean, Path pathToProperty, ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(
                Object bean, Path.Node property, Class<?> rootBean, Path pathToProperty, ElementType elementType) {
            return true;
        }
    }
}
