package org.schooltrust.smp.common.security;

/** The service's roles (README, Configuration); the string is the value in the token's roles claim. */
public enum Role {
    STAFF(Role.Names.STAFF),
    HEAD_OF_SCHOOL(Role.Names.HEAD_OF_SCHOOL),
    TRUST_ADMIN(Role.Names.TRUST_ADMIN),
    HR_SYNC(Role.Names.HR_SYNC),
    MIS(Role.Names.MIS),
    REGISTER_READER(Role.Names.REGISTER_READER),
    DSL(Role.Names.DSL),
    /** The Trust's designated safeguarding lead: concerns no school could handle, and every one about a Head. */
    TRUST_DSL(Role.Names.TRUST_DSL),
    /** The Trust's data protection officer: subject-access exports, each for a named request. */
    DPO(Role.Names.DPO),
    /** The Trust's identity provider's SCIM client (Entra ID, Okta): keeps the staff register current (issue 29). */
    SCIM_PROVISIONER(Role.Names.SCIM_PROVISIONER);

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    /** The role whose claim value this is. */
    public static Role fromClaim(String claimValue) {
        for (Role role : values()) {
            if (role.claimValue.equals(claimValue)) {
                return role;
            }
        }
        throw new IllegalArgumentException("no role " + claimValue);
    }

    /** Constants for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String STAFF = "staff";
        public static final String HEAD_OF_SCHOOL = "head-of-school";
        public static final String TRUST_ADMIN = "trust-admin";
        public static final String HR_SYNC = "hr-sync";
        public static final String MIS = "mis";
        public static final String REGISTER_READER = "register-reader";
        public static final String DSL = "dsl";
        public static final String TRUST_DSL = "trust-dsl";
        public static final String DPO = "dpo";
        public static final String SCIM_PROVISIONER = "scim-provisioner";

        private Names() {}
    }
}
