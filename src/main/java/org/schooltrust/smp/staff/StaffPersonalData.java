package org.schooltrust.smp.staff;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class StaffPersonalData implements PersonalData {

    @Override
    public List<Section> sections() {
        return List.of(
                new Section(
                        "record",
                        10,
                        true,
                        "SELECT hr_id, first_name, last_name, work_email, category, active, source, created_at,"
                                + " updated_at FROM adults WHERE id = ?"),
                new Section(
                        "assignments",
                        20,
                        false,
                        "SELECT school_urn, job_title, start_date, end_date, responsibilities FROM adult_assignments"
                                + " WHERE adult_id = ? ORDER BY position"),
                new Section(
                        "identity-provider",
                        30,
                        true,
                        "SELECT user_name, external_id, created_at, updated_at FROM scim_links WHERE adult_id = ?"));
    }

    @Override
    public List<Table> tables() {
        return List.of(
                Table.kept(
                        "adults",
                        "the staff register itself: HR keeps it current, a leaver is deactivated, never deleted, so the records that run from their leaving date can be disposed of on time"),
                Table.kept("adult_assignments", "part of the staff register (where an adult works), as adults"),
                Table.kept(
                        "scim_links",
                        "what the Trust's identity provider calls an adult (SCIM), kept with the register's record"));
    }
}
