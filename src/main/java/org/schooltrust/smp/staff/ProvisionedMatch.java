package org.schooltrust.smp.staff;

import java.util.UUID;

/**
 * What a provider's search for users may name, each {@code null} when not asked (all given must hold): the equality
 * filters Entra and Okta send to find an adult before creating one (issue 29).
 */
public record ProvisionedMatch(UUID id, String userName, String externalId, String workEmail, String hrId) {

    public static final ProvisionedMatch ANY = new ProvisionedMatch(null, null, null, null, null);
}
