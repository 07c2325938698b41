package org.schooltrust.smp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.audit.AuditLog;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;

/** The conventions of docs/architecture.md that a machine can check, so the next capability cannot drift. */
class ConventionsTest {

    private static final String ROOT = "org.schooltrust.smp";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /**
     * Every feature package, derived from the classes (every package under the root but {@code common}), so a new
     * feature is checked the day it is added rather than when someone remembers to list it (issue 22).
     */
    private static final List<String> FEATURES = MAIN.stream()
            .map(JavaClass::getPackageName)
            .filter(p -> p.startsWith(ROOT + "."))
            .map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
            .filter(f -> !f.equals("common"))
            .distinct()
            .sorted()
            .toList();

    @Test
    void theFeaturesAreFoundOnTheClasspath() {
        org.assertj.core.api.Assertions.assertThat(FEATURES)
                .contains("school", "staff", "concern", "webhook", "retention", "audit", "event", "reminder")
                .doesNotContain("common");
    }

    @Test
    void timeComesOnlyFromTheTimeSource() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(ROOT + ".common.time.TimeSource")
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now", java.time.ZoneId.class)
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .orShould()
                .callMethod(java.time.OffsetDateTime.class, "now")
                .orShould()
                .callMethod(java.time.Clock.class, "systemUTC")
                .because("tests move time through the Clock bean (docs/architecture.md: Time)")
                .check(MAIN);
    }

    /**
     * Issue 22: a change is recorded once, through the change log, naming a typed action; the audit trail and the event
     * feed do not know each other.
     */
    @Test
    void changesGoThroughTheChangeLogWithATypedAction() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".audit..")
                .should()
                .callConstructor(
                        AuditEntry.class,
                        String.class,
                        String.class,
                        String.class,
                        String.class,
                        List.class,
                        java.util.Map.class)
                .because("an entry names a feature's XAction constant, never a string")
                .check(MAIN);
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".change..")
                .should()
                .callMethod(AuditLog.class, "append", List.class, java.time.Instant.class)
                .because("a change is recorded through change/ChangeLog, which also publishes it")
                .check(MAIN);
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".audit..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".event..")
                .check(MAIN);
    }

    @Test
    void commonDependsOnNoFeature() {
        for (String feature : FEATURES) {
            noClasses()
                    .that()
                    .resideInAPackage(ROOT + ".common..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(ROOT + "." + feature + "..")
                    .check(MAIN);
        }
    }

    @Test
    void resourcesHoldNoSql() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "jakarta.persistence..", "io.agroal..")
                .because("resources are thin: SQL lives in services, stores and queries")
                .check(MAIN);
    }

    @Test
    void noFeatureReadsAnotherFeaturesQueriesOrStore() {
        for (String feature : FEATURES) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage(ROOT + "." + feature + "..")
                    .should()
                    .dependOnClassesThat(JavaClass.Predicates.resideInAPackage(ROOT + "." + feature + "..")
                            .and(JavaClass.Predicates.simpleNameEndingWith("Queries")
                                    .or(JavaClass.Predicates.simpleNameEndingWith("Store"))))
                    .because("one feature uses another through its service or a CDI event")
                    .check(MAIN);
        }
    }

    /**
     * One feature reads another's records only through that feature's service: it never queries another feature's
     * Panache entity with its static finders (list, find, findById, count, …).
     */
    @Test
    void noFeatureQueriesAnotherFeaturesEntities() {
        for (String feature : FEATURES) {
            String inside = ROOT + "." + feature + "..";
            noClasses()
                    .that()
                    .resideOutsideOfPackage(inside)
                    .should()
                    .callMethodWhere(
                            new com.tngtech.archunit.base.DescribedPredicate<
                                    com.tngtech.archunit.core.domain.JavaMethodCall>(
                                    "a static finder of a " + feature + " entity") {
                                @Override
                                public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
                                    JavaClass owner = call.getTargetOwner();
                                    return owner.getPackageName().startsWith(ROOT + "." + feature)
                                            && owner.isAssignableTo(
                                                    "io.quarkus.hibernate.orm.panache.PanacheEntityBase")
                                            && call.getTarget()
                                                    .resolveMember()
                                                    .map(m -> m.getModifiers()
                                                            .contains(
                                                                    com.tngtech.archunit.core.domain.JavaModifier
                                                                            .STATIC))
                                                    .orElse(false);
                                }
                            })
                    .because("features use each other through services (docs/architecture.md)")
                    .check(MAIN);
        }
    }

    /** One DTO style: a feature's request bodies are nested records of {@code XInputs}, its responses of {@code XViews}. */
    @Test
    void requestAndResponseShapesLiveInInputsAndViewsHolders() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that()
                .resideInAnyPackage(
                        FEATURES.stream().map(f -> ROOT + "." + f + "..").toArray(String[]::new))
                .and()
                .haveSimpleNameEndingWith("Input")
                .or()
                .haveSimpleNameEndingWith("View")
                .should()
                .beNestedClasses()
                .andShould(
                        new com.tngtech.archunit.lang.ArchCondition<JavaClass>(
                                "be nested in an Inputs or Views holder") {
                            @Override
                            public void check(JavaClass item, com.tngtech.archunit.lang.ConditionEvents events) {
                                String holder = item.getEnclosingClass()
                                        .map(JavaClass::getSimpleName)
                                        .orElse("");
                                if (!holder.endsWith("Inputs") && !holder.endsWith("Views")) {
                                    events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                            item, item.getName() + " is not in an Inputs or Views holder"));
                                }
                            }
                        })
                .check(MAIN);
    }

    /**
     * SQL runs only in a feature's {@code XStore}/{@code XQueries} (and {@code common.db}, which runs it for them): no
     * service, job or resource writes a statement (issue 22). Aggregates' Panache finders are the one other way to read
     * (ADR 0012).
     */
    @Test
    void onlyStoresAndQueriesRunSql() {
        java.util.Set<String> sqlMethods = java.util.Set.of("list", "first", "update", "batch", "copySlices");
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".common.db..")
                .and()
                .haveSimpleNameNotEndingWith("Store")
                .and()
                .haveSimpleNameNotEndingWith("Queries")
                .and()
                .haveSimpleNameNotEndingWith("Query")
                .should()
                .callMethodWhere(
                        new com.tngtech.archunit.base.DescribedPredicate<
                                com.tngtech.archunit.core.domain.JavaMethodCall>("a method that runs SQL") {
                            @Override
                            public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
                                JavaClass owner = call.getTargetOwner();
                                String name = call.getName();
                                return owner.getName().equals(ROOT + ".common.db.Sql") && sqlMethods.contains(name)
                                        || owner.isAssignableTo("jakarta.persistence.EntityManager")
                                                && name.startsWith("create")
                                                && name.endsWith("Query")
                                        || owner.isAssignableTo(java.sql.Connection.class)
                                                && (name.equals("prepareStatement") || name.equals("createStatement"))
                                        || owner.isAssignableTo(javax.sql.DataSource.class)
                                                && name.equals("getConnection");
                            }
                        })
                .because("one place per feature holds its statements (docs/architecture.md)")
                .check(MAIN);
    }

    /**
     * Stores, aggregates (Panache entities) and domain records never depend on response views (issue 22): a view is
     * built from the domain object by the view's own {@code of(...)}, in the service or a read-model {@code XQueries}.
     */
    @Test
    void noStoreOrDomainTypeDependsOnViews() {
        com.tngtech.archunit.base.DescribedPredicate<JavaClass> views =
                new com.tngtech.archunit.base.DescribedPredicate<>("a response view") {
                    @Override
                    public boolean test(JavaClass c) {
                        return c.getPackageName().startsWith(ROOT)
                                && (c.getSimpleName().endsWith("Views")
                                        || c.getEnclosingClass()
                                                .map(e -> e.getSimpleName().endsWith("Views"))
                                                .orElse(false));
                    }
                };
        com.tngtech.archunit.base.DescribedPredicate<JavaClass> storesAndDomainTypes =
                new com.tngtech.archunit.base.DescribedPredicate<>("a store or a domain type") {
                    @Override
                    public boolean test(JavaClass c) {
                        boolean feature = c.getPackageName().startsWith(ROOT + ".")
                                && !c.getPackageName().startsWith(ROOT + ".common");
                        boolean record = c.getRawSuperclass()
                                .map(s -> s.getName().equals("java.lang.Record"))
                                .orElse(false);
                        return feature
                                && c.getEnclosingClass().isEmpty()
                                && (c.getSimpleName().endsWith("Store")
                                        || c.isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheEntityBase")
                                        || record);
                    }
                };
        noClasses()
                .that(storesAndDomainTypes)
                .should()
                .dependOnClassesThat(views)
                .because("views are built from domain objects, never the other way round")
                .check(MAIN);
    }

    /**
     * Resources are thin (docs/architecture.md): they call their own feature's services, never a store, query, job or
     * another feature (issue 22).
     */
    @Test
    void resourcesCallOnlyTheirOwnFeaturesServices() {
        for (String feature : FEATURES) {
            noClasses()
                    .that()
                    .resideInAPackage(ROOT + "." + feature + "..")
                    .and()
                    .haveSimpleNameEndingWith("Resource")
                    .should()
                    .dependOnClassesThat(JavaClass.Predicates.resideInAPackage(ROOT + "..")
                            .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                    JavaClass.Predicates.resideInAnyPackage(
                                            ROOT + "." + feature + "..", ROOT + ".common.."))))
                    .because("a resource uses its own feature's services; features meet in services")
                    .allowEmptyShould(true)
                    .check(MAIN);
        }
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("Store")
                        .or(JavaClass.Predicates.simpleNameEndingWith("Queries"))
                        .or(JavaClass.Predicates.simpleNameEndingWith("Query"))
                        .or(JavaClass.Predicates.simpleNameEndingWith("Job"))
                        .or(JavaClass.Predicates.simpleNameEndingWith("Chain")))
                .because("reads and jobs are reached through a service, in its transaction")
                .check(MAIN);
    }

    /**
     * Every public method of a feature's service runs in a transaction (or says it must not: an explicit
     * {@code @Transactional(NOT_SUPPORTED)}), so a read never pairs one version's body with another's ETag (issue 22).
     */
    @Test
    void everyPublicServiceMethodIsTransactional() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (JavaClass type : MAIN) {
            if (!type.getSimpleName().endsWith("Service")
                    || type.getPackageName().startsWith(ROOT + ".common")
                    || type.isAnnotatedWith(jakarta.transaction.Transactional.class)) {
                continue;
            }
            for (com.tngtech.archunit.core.domain.JavaMethod method : type.getMethods()) {
                var modifiers = method.getModifiers();
                if (modifiers.contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
                        && !modifiers.contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)
                        && !modifiers.contains(com.tngtech.archunit.core.domain.JavaModifier.SYNTHETIC)
                        && !method.isAnnotatedWith(jakarta.transaction.Transactional.class)) {
                    missing.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(missing)
                .as("public service methods without @Transactional")
                .isEmpty();
    }

    /**
     * One way to name a project type: imported, never written out fully qualified in code (issue 22), so a reader sees a
     * class's dependencies in its imports. Comments and string literals do not count.
     */
    @Test
    void projectTypesAreImportedNotWrittenOut() throws java.io.IOException {
        java.util.regex.Pattern qualified =
                java.util.regex.Pattern.compile("\\borg\\.schooltrust\\.smp\\.(?:[a-z]\\w*\\.)+[A-Z]");
        java.util.List<String> found = new java.util.ArrayList<>();
        for (String root : java.util.List.of("src/main/java", "src/test/java")) {
            java.util.List<java.nio.file.Path> sources;
            try (java.util.stream.Stream<java.nio.file.Path> files =
                    java.nio.file.Files.walk(java.nio.file.Path.of(root))) {
                sources = files.filter(f -> f.toString().endsWith(".java")).toList();
            }
            for (java.nio.file.Path file : sources) {
                boolean inComment = false;
                int number = 0;
                for (String line : java.nio.file.Files.readAllLines(file)) {
                    number++;
                    String code = line.strip();
                    if (code.startsWith("/*")) {
                        inComment = true;
                    }
                    boolean skip = inComment
                            || code.startsWith("*")
                            || code.startsWith("//")
                            || code.startsWith("import ")
                            || code.startsWith("package ");
                    if (code.contains("*/")) {
                        inComment = false;
                    }
                    String withoutStrings = code.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
                    if (!skip && qualified.matcher(withoutStrings).find()) {
                        found.add(file + ":" + number);
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(found)
                .as("project types written out fully qualified")
                .isEmpty();
    }

    /** Every list is bounded: an endpoint that answers a {@code Page} takes {@code PageParams} (limit, cursor). */
    @Test
    void everyListTakesPageParams() {
        java.util.List<String> unbounded = new java.util.ArrayList<>();
        for (JavaClass type : MAIN) {
            if (!type.isAnnotatedWith(jakarta.ws.rs.Path.class)) {
                continue;
            }
            for (java.lang.reflect.Method method : type.reflect().getDeclaredMethods()) {
                boolean returnsPage =
                        method.getGenericReturnType().getTypeName().contains(Page.class.getName());
                boolean paged =
                        java.util.Arrays.asList(method.getParameterTypes()).contains(PageParams.class);
                if (returnsPage && !paged) {
                    unbounded.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(unbounded)
                .as("lists without PageParams")
                .isEmpty();
    }

    /**
     * Roles are decided in one layer, on the resource: every endpoint names who may call it (services decide only
     * which objects, through {@code Caller}). Unannotated endpoints would be denied at run time anyway.
     */
    @Test
    void everyEndpointNamesItsRolesOnTheResource() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (JavaClass type : MAIN) {
            if (!type.isAnnotatedWith(jakarta.ws.rs.Path.class)) {
                continue;
            }
            Class<?> resource = type.reflect();
            boolean classLevel = hasRoleAnnotation(resource.getAnnotations());
            for (java.lang.reflect.Method method : resource.getDeclaredMethods()) {
                boolean endpoint = java.util.Arrays.stream(method.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class));
                if (endpoint && !classLevel && !hasRoleAnnotation(method.getAnnotations())) {
                    missing.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(missing)
                .as("endpoints without a role annotation")
                .isEmpty();
    }

    private static boolean hasRoleAnnotation(java.lang.annotation.Annotation[] annotations) {
        return java.util.Arrays.stream(annotations)
                .map(java.lang.annotation.Annotation::annotationType)
                .anyMatch(t -> t == jakarta.annotation.security.RolesAllowed.class
                        || t == jakarta.annotation.security.PermitAll.class
                        || t == io.quarkus.security.Authenticated.class);
    }
}
