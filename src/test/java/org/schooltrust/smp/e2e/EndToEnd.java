package org.schooltrust.smp.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An end-to-end test class: it runs once per {@link Realm} against the packaged app and a real Keycloak, and gets the
 * {@link TrustApi} of that realm as a constructor or method parameter. Name it {@code *IT} in this package (or below)
 * and {@code ./mvnw verify -Pe2e} runs it; the plain build never does.
 *
 * <pre>
 * &#64;EndToEnd
 * class MyFlowIT {
 *     private final TrustApi api;
 *     MyFlowIT(TrustApi api) { this.api = api; }
 *     &#64;Test void works() { api.as(api.userToken("alice")).get("/api/v1/me").then().statusCode(200); }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ClassTemplate
@ExtendWith(EndToEndExtension.class)
public @interface EndToEnd {}
