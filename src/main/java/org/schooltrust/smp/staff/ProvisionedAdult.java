package org.schooltrust.smp.staff;

/** An adult of the register with what the identity provider calls them ({@code link} null before its first write). */
public record ProvisionedAdult(Adult adult, IdpLink link, boolean created) {

    /** The provider's user name: the link's, or the work email while there is no link yet. */
    public String userName() {
        return link == null ? adult.workEmail() : link.userName();
    }

    public String externalId() {
        return link == null ? null : link.externalId();
    }
}
