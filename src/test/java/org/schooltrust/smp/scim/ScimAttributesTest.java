package org.schooltrust.smp.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.schooltrust.smp.staff.ProvisionedMatch;

/** Attribute names and filters as Entra ID and Okta write them, reduced to one key (plain unit tests). */
class ScimAttributesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            userName                                                                     | username
            UserName                                                                     | username
            name.givenName                                                               | name.givengame
            urn:ietf:params:scim:schemas:core:2.0:User:name.familyName                   | name.familyname
            emails[type eq "work"].value                                                 | emails[work].value
            emails[Type EQ "Work"].value                                                 | emails[work].value
            phoneNumbers[type eq "mobile"].value                                         | phonenumbers[].value
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber    | enterprise:employeenumber
            URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:EMPLOYEENUMBER    | enterprise:employeenumber
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value     | enterprise:manager.value
            urn:ietf:params:scim:schemas:extension:smp:2.0:User:responsibilities         | smp:responsibilities
            """)
    void keys(String path, String key) {
        assertThat(ScimAttributes.key(path)).isEqualTo(key.replace("givengame", "givenname"));
    }

    @ParameterizedTest
    @CsvSource({
        "nmae.givenName",
        "urn:example:params:scim:schemas:extension:other:2.0:User:x",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:shoeSize",
        "emails[type eq",
        "''"
    })
    void unknownAttributesAreRefused(String path) {
        assertThatThrownBy(() -> ScimAttributes.key(path))
                .isInstanceOf(ScimException.class)
                .extracting(e -> ((ScimException) e).scimType())
                .isEqualTo("invalidPath");
    }

    @Test
    void usersAreFoundByEqualityJoinedByAnd() {
        List<String> hrId =
                List.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "externalId");
        assertThat(ScimFilters.users("userName eq \"A@x.example\"", hrId))
                .isEqualTo(new ProvisionedMatch(null, "A@x.example", null, null, null));
        assertThat(ScimFilters.users(
                        "emails[type eq \"work\"].value eq \"a@x.example\" and externalId eq \"0a21\"", hrId))
                .isEqualTo(new ProvisionedMatch(null, null, "0a21", "a@x.example", null));
        assertThat(ScimFilters.users(
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"E1\"", hrId))
                .isEqualTo(new ProvisionedMatch(null, null, null, null, "E1"));
        assertThat(ScimFilters.users(null, hrId)).isEqualTo(ProvisionedMatch.ANY);
        // one attribute equal to two values matches nobody
        assertThat(ScimFilters.users("userName eq \"a\" and userName eq \"b\"", hrId)
                        .id())
                .hasToString(ScimFilters.NOTHING);
    }

    @Test
    void otherOperatorsAreInvalidFilters() {
        for (String filter : List.of(
                "userName sw \"a\"",
                "userName eq \"a\" or userName eq \"b\"",
                "not (userName eq \"a\")",
                "userName pr",
                "active eq true",
                "title eq \"x\"")) {
            assertThatThrownBy(() -> ScimFilters.users(filter, List.of("externalId")))
                    .as(filter)
                    .isInstanceOf(ScimException.class)
                    .extracting(e -> ((ScimException) e).scimType())
                    .isEqualTo("invalidFilter");
        }
    }

    @Test
    void entrasStringBooleansAreBooleans() {
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        assertThat(ScimUsers.bool(json.textNode("False"), "active")).isFalse();
        assertThat(ScimUsers.bool(json.textNode("TRUE"), "active")).isTrue();
        assertThat(ScimUsers.bool(json.booleanNode(false), "active")).isFalse();
        assertThatThrownBy(() -> ScimUsers.bool(json.textNode("no"), "active")).isInstanceOf(ScimException.class);
        assertThatThrownBy(() -> ScimUsers.bool(json.numberNode(0), "active")).isInstanceOf(ScimException.class);
    }
}
