package org.schooltrust.smp.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.audit.Action;

/**
 * Issue 22: the features' typed actions and the event catalog agree. Every action is published or says why not; every
 * catalog entry is an action some feature has; every action is recorded somewhere — so a change cannot silently
 * publish nothing, and the catalog cannot promise an event no code produces.
 */
class EventCatalogTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.schooltrust.smp");

    /** Every {@link Action} constant of every feature (its {@code XAction} holder), by code. */
    static Map<String, Action> actions() {
        Map<String, Action> all = new TreeMap<>();
        for (JavaField f : constants()) {
            try {
                Action a = (Action) f.reflect().get(null);
                assertThat(all.put(a.code(), a))
                        .as("action code %s is declared twice", a.code())
                        .isNull();
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return all;
    }

    /** The public static final {@link Action} fields of the main classes: the features' {@code XAction} holders. */
    static List<JavaField> constants() {
        List<JavaField> fields = new ArrayList<>();
        for (JavaClass c : MAIN) {
            for (JavaField f : c.getFields()) {
                if (f.getRawType().isEquivalentTo(Action.class)
                        && f.getModifiers().contains(JavaModifier.PUBLIC)
                        && f.getModifiers().contains(JavaModifier.STATIC)
                        && f.getModifiers().contains(JavaModifier.FINAL)) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    @Test
    void everyActionIsPublishedOrSaysWhyNot() {
        Set<String> published =
                Arrays.stream(EventType.values()).map(EventType::action).collect(Collectors.toSet());
        List<String> wrong = new ArrayList<>();
        actions().forEach((code, action) -> {
            boolean says = action.notPublishedBecause() != null;
            if (published.contains(code) == says) {
                wrong.add(code + (says ? " is published but says it is not" : " is neither published nor says why"));
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(actions()).hasSizeGreaterThan(60);
    }

    @Test
    void everyCatalogEntryIsAnActionOfSomeFeature() {
        Set<String> codes = actions().keySet();
        Set<String> orphans = Arrays.stream(EventType.values())
                .map(EventType::action)
                .filter(a -> !codes.contains(a))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(orphans).as("catalog entries no action produces").isEmpty();
    }

    @Test
    void everyActionIsRecordedSomewhere() {
        Set<String> unused = new TreeSet<>();
        for (JavaField f : constants()) {
            boolean used = f.getAccessesToSelf().stream()
                    .anyMatch(a -> !a.getOriginOwner().equals(f.getOwner()));
            if (!used) {
                unused.add(f.getOwner().getSimpleName() + "." + f.getName());
            }
        }
        assertThat(unused).as("actions no code records").isEmpty();
    }
}
