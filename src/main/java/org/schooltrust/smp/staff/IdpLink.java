package org.schooltrust.smp.staff;

/**
 * What the Trust's identity provider calls an adult (SCIM, issue 29): its {@code userName} and its own id for them
 * ({@code externalId}, absent when the provider sends none). An adult HR synced before SCIM was switched on has no link
 * until the provider first writes them; until then their work email stands for the user name.
 */
public record IdpLink(String userName, String externalId) {}
