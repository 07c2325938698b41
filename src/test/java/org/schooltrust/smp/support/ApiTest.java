package org.schooltrust.smp.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the running application over real HTTP: one embedded PostgreSQL and one OIDC server for the whole run,
 * and one SMTP port ({@link MailServer}) for the whole run, so every class annotated with it shares one application
 * start. Tagged {@code api}: the fast path ({@code ./mvnw test -Pfast}) leaves these out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@QuarkusTest
@Tag("api")
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = MailPortResource.class, scope = TestResourceScope.GLOBAL)
public @interface ApiTest {}
