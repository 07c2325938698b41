package org.schooltrust.smp;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@OpenAPIDefinition(
        // OpenAPI 3.1 wants an SPDX expression; a proprietary licence is a LicenseRef (generators refuse none)
        info =
                @Info(
                        title = "Trust Social Media Policy API",
                        version = "1.0.0",
                        license = @License(name = "Proprietary", identifier = "LicenseRef-Proprietary")),
        servers = @Server(url = "/", description = "The deployment that serves this document"),
        tags = {
            @Tag(name = "Schools", description = "The Trust's schools, keyed by 6-digit DfE URN."),
            @Tag(
                    name = "Staff",
                    description = "The register of adults working in the Trust's schools (policy clause 2.1), kept"
                            + " current by Trust HR; volunteers and governors HR does not hold are added by hand."),
            @Tag(
                    name = "Policies",
                    description = "Policy documents and their versions; the Social Media Policy is `social-media`."),
            @Tag(
                    name = "Acknowledgements",
                    description = "Adults acknowledging the current version for each school they work in (clauses 4"
                            + " and 5.2), and what each still has to do."),
            @Tag(name = "Compliance", description = "Who has read which version, school by school."),
            @Tag(
                    name = "Family declarations",
                    description = "Adults declaring family relationships with pupils, and the Head of School"
                            + " acknowledging and recording them (clauses 6.7-6.9)."),
            @Tag(
                    name = "Family links (MIS)",
                    description = "What a school's MIS may ask: which adult-pupil links are acknowledged."),
            @Tag(
                    name = "Social accounts",
                    description = "Official school social-media accounts (clauses 8.1-8.2): proposed with a reason and"
                            + " administrators, authorised by the Head of School before they are created, confirmed"
                            + " live, suspended, reviewed and retired."),
            @Tag(
                    name = "Social-account register",
                    description = "The public register of ACTIVE official school accounts, for parents' and external"
                            + " apps to tell an official account from an impersonation. No adult's data."),
            @Tag(
                    name = "Reminders",
                    description = "Staff are chased and Heads are told (clauses 4, 5.2, 6.8, 8.1): schedules and the"
                            + " Trust calendar as data, each reminder sent once, by email and as an event."),
            @Tag(
                    name = "Concerns",
                    description = "Concerns raised with the Head and the DSL (clauses 6.24, 7, 9, 10.6), with evidence"
                            + " kept intact (9.2, 9.4) and an append-only handling timeline; every read audited."),
            @Tag(
                    name = "Permissions",
                    description = "The Head's express permission for an adult to discuss pupils with parents over"
                            + " social media (clause 6.5)."),
            @Tag(
                    name = "Data protection",
                    description = "Retention rules, legal holds, disposal with certificates, and subject-access"
                            + " exports (UK GDPR, DPA 2018)."),
            @Tag(name = "Audit", description = "The append-only, hash-chained audit trail.")
        })
public class SmpApplication extends Application {}
